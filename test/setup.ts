/**
 * Runs before each workerd test file (vitest.config.ts setupFiles), for deterministic tests:
 * fast-check takes its seed from TEST_SEED when set (a failing property prints
 * `{ seed: …, path: … }`; test/helpers/random.ts), and a clock a test set
 * (test/helpers/clock.ts) never outlives the test.
 */
import fc from "fast-check";
import { afterEach, vi } from "vitest";
import { SEED } from "./helpers/random";

if (SEED !== undefined) fc.configureGlobal({ seed: SEED });

afterEach(() => {
  vi.useRealTimers();
});
