/**
 * The clock the Worker reads, set by the test. The tests and the Worker run in one workerd
 * isolate: `exports.default.fetch`, the real queue consumer and `worker.scheduled` all call the
 * same global `Date`, so vitest's fake Date is the Worker's clock too (test/app/clock.test.ts
 * checks each place src/ reads it). src/ keeps plain `Date.now()`; no injection point is needed.
 *
 * A set clock stands still until the test moves it, so a timestamp computed by the test is the
 * Worker's "now" to the millisecond. test/setup.ts puts the real clock back after every test.
 * Only `Date` is faked: timers stay real, so waits (test/helpers/wait.ts) work as usual.
 */
import { vi } from "vitest";

/** Freezes the clock at `ms` (epoch milliseconds). */
export function setClock(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}

/** Moves a set clock forward by `ms`; returns the new time. */
export function advanceClock(ms: number): number {
  if (!vi.isFakeTimers()) throw new Error("advanceClock: set the clock first (setClock)");
  vi.setSystemTime(Date.now() + ms);
  return Date.now();
}

/** The clock in whole seconds, as the webhook's timestamp check reads it. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** 23:59:59.999 in Asia/Shanghai on 2026-11-20: one millisecond before both a second boundary and a Beijing midnight. */
export const BEFORE_MIDNIGHT = Date.UTC(2026, 10, 20, 15, 59, 59, 999);
