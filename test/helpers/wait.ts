/**
 * Waiting for work the Worker does in the background (the queue consumer, cron sweeps). A test
 * waits on the condition it needs, never for a fixed time; the bound only stops a hang and is
 * generous for a loaded 2-core machine, so a slow run is never a failed run.
 */

/** Upper bound of a wait: a hang guard, not a speed goal. */
export const SETTLE_MS = 120_000;

const tick = () => new Promise((r) => setTimeout(r, 50));

/**
 * Calls `check` until it returns without throwing; rethrows its last error after `bound` ms.
 * Real timers only: unlike vi.waitFor it never moves a clock the test has set (helpers/clock.ts).
 */
export async function eventually<T>(check: () => T | Promise<T>, bound = SETTLE_MS): Promise<T> {
  const start = performance.now();
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (performance.now() - start > bound) throw e;
    }
    await tick();
  }
}
