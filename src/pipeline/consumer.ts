/**
 * Queue consumer. Main queue: extract each article; on any error the raw article stays, its
 * status/error record the failure, and the message is retried with exponential backoff. After
 * the last retry (wrangler.toml `max_retries`) Cloudflare moves it to the dead-letter queue,
 * whose consumer (below) records that it gave up; the article stays visible as `failed` through
 * the API, and a later extractor version (cron) or the admin endpoint can try it again.
 * A CPU-limit kill (a "timing-out" extraction) never acks, so it takes the same retry path.
 */
import { extractArticle, markFailed } from "./extract-article";
import type { ExtractMessage } from "./messages";

/** Seconds before retry n (1-based): 5, 10, 20, 40 … capped at 5 minutes. */
export function backoffSeconds(attempts: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, attempts - 1));
}

const isDeadLetterQueue = (name: string) => name.endsWith("-dlq");

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export async function handleQueue(batch: MessageBatch<ExtractMessage>, env: Env, _ctx: ExecutionContext): Promise<void> {
  for (const msg of batch.messages) {
    const { articleId, force } = msg.body;
    if (isDeadLetterQueue(batch.queue)) {
      try {
        await markFailed(env.DB, articleId, `gave up after ${msg.attempts} deliveries; see earlier error`);
        msg.ack();
      } catch {
        msg.retry({ delaySeconds: 60 });
      }
      continue;
    }
    try {
      await extractArticle(env.DB, articleId, { force });
      msg.ack();
    } catch (e) {
      console.error(`extract: article ${articleId} attempt ${msg.attempts} failed`, e);
      try {
        await markFailed(env.DB, articleId, errorText(e));
      } catch {
        // D1 itself is failing: the retry below still keeps the message.
      }
      msg.retry({ delaySeconds: backoffSeconds(msg.attempts) });
    }
  }
}
