/**
 * Queue consumer. Main queue: extract each article (and move it to its province's shard,
 * src/pipeline/placement.ts); when an attempt fails (a stage of the
 * extractor threw, D1 refused the write) the raw article stays, its status/error record the
 * failure, and the message is retried with exponential backoff. After the last retry (wrangler.toml
 * `max_retries`) Cloudflare moves it to the dead-letter queue, whose consumer (below) records
 * that it gave up, keeping the last real error and the article's attempt count; the article stays
 * visible as `failed` through the API, and a later extractor version (cron) or the admin endpoint
 * can try it again. A CPU-limit kill (a "timing-out" extraction) never acks, so it takes the same
 * retry path.
 */
import { shardsOf } from "../db/router";
import { markFailed, markGaveUp, type Extractor } from "./extract-article";
import { internalFailure, type ArticleFailure } from "./failure";
import type { ExtractMessage } from "./messages";
import { extractAndPlace, homeOf } from "./placement";

/** Seconds before retry n (1-based): 5, 10, 20, 40 … capped at 5 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, attempts - 1));
}

const isDeadLetterQueue = (name: string) => name.endsWith("-dlq");

/** `extractor` is for tests that inject a failing stage; the Worker runs the real one. */
export async function handleQueue(batch: MessageBatch<ExtractMessage>, env: Env, _ctx: ExecutionContext, extractor?: Extractor): Promise<void> {
  for (const msg of batch.messages) {
    const { articleId, force } = msg.body;
    if (isDeadLetterQueue(batch.queue)) {
      try {
        await markGaveUp(await recordIn(env, articleId), articleId);
        msg.ack();
      } catch (e) {
        console.error(`dead-letter: article ${articleId} could not be recorded`, e);
        msg.retry({ delaySeconds: 60 });
      }
      continue;
    }
    let failure: ArticleFailure;
    try {
      const result = await extractAndPlace(env, articleId, { force, extractor });
      if (result.status !== "failed") {
        msg.ack();
        continue;
      }
      failure = result.failure;
    } catch (e) {
      failure = internalFailure(e);
    }
    console.error(`extract: article ${articleId} attempt ${msg.attempts} failed: ${failure.code}\n${failure.detail}`);
    try {
      await markFailed(await recordIn(env, articleId), articleId, failure);
    } catch (e) {
      // D1 itself is failing: the retry below still keeps the message.
      console.error(`extract: article ${articleId}: the failure could not be recorded`, e);
    }
    msg.retry({ delaySeconds: backoffSeconds(msg.attempts) });
  }
}

/** The database where the article's failure is recorded: where it is now (the catch-all while raw). */
async function recordIn(env: Env, articleId: number): Promise<D1Database> {
  const shards = shardsOf(env);
  return (await homeOf(env, articleId)) ?? shards.all[shards.map.catchAll]!;
}
