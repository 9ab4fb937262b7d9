/** Worker entry: wiring only. fetch = the hono app; queue = extraction consumer; scheduled = cron sweep. */
import { app } from "./app";
import type { ExtractMessage } from "./pipeline/messages";
import { handleQueue } from "./pipeline/consumer";
import { handleScheduled } from "./pipeline/cron";

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env, ExtractMessage>;
