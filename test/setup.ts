/**
 * Runs before each workerd test file (vitest.config.ts setupFiles), for deterministic tests:
 * fast-check takes the run's seed (TEST_SEED, or one vitest.config.ts drew and printed before
 * the run, so that even a run that never ends can be replayed; test/helpers/random.ts), and a clock a test set
 * (test/helpers/clock.ts) never outlives the test.
 */
import fc from "fast-check";
import { afterEach, vi } from "vitest";
import { RUN_SEED } from "./helpers/random";

fc.configureGlobal({ seed: RUN_SEED });

afterEach(() => {
  vi.useRealTimers();
});
