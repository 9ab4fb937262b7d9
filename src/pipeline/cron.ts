/** Cron trigger (wrangler.toml `triggers.crons`): the re-extraction sweep. */
import { sweep } from "./sweep";

export async function handleScheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
  ctx.waitUntil(
    sweep(env).then(({ queued }) => {
      if (queued) console.log(`cron: queued ${queued} article(s) for extraction`);
    }),
  );
}
