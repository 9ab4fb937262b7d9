import type { ExtractMessage } from "./messages";

/** Placeholder until the pipeline lands: acknowledges nothing, so messages stay queued. */
export async function handleQueue(batch: MessageBatch<ExtractMessage>, _env: Env, _ctx: ExecutionContext): Promise<void> {
  batch.retryAll();
}
