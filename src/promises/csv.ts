/**
 * Promises as CSV for analysts (`GET /v1/promises` with `Accept: text/csv`, or
 * `/v1/promises.csv`): UTF-8 with a byte-order mark so spreadsheet programs show the Chinese,
 * one row per promise with the target and outcome flattened, the list's filters, streamed page
 * by page rather than buffered.
 */
import type { PromiseFigure, PromiseFilter, PromiseItem } from "../db/queries/promises";
import type { Reads } from "../db/reads";

const FIGURE_COLUMNS = ["figure_id", "article_id", "text", "value", "value_max", "unit", "approx", "change", "sentence", "published"] as const;
export const CSV_HEADER = [
  "id",
  "place",
  "place_code",
  "metric",
  "metric_key",
  "period",
  "direction",
  "verdict",
  ...FIGURE_COLUMNS.map((c) => `target_${c}`),
  ...FIGURE_COLUMNS.map((c) => `outcome_${c}`),
  "evidence_count",
];

/**
 * One CSV field (RFC 4180 quoting). Text that a spreadsheet would run as a formula (= + - @ at
 * the start) is prefixed with an apostrophe; numbers are written as numbers.
 */
function field(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const figureFields = (f: PromiseFigure | null) => FIGURE_COLUMNS.map((c) => (f ? f[c] : null));

export function csvRow(p: PromiseItem): string {
  return [p.id, p.place, p.place_code, p.metric, p.metric_key, p.period, p.direction, p.verdict, ...figureFields(p.target), ...figureFields(p.outcome), p.evidence.length]
    .map(field)
    .join(",");
}

/** The CSV body: BOM and header, then the list's pages as they are read. */
export function promisesCsv(reads: Reads, f: PromiseFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = f.cursor;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${CSV_HEADER.join(",")}\r\n`));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const page = await reads.promises({ ...f, cursor, limit: 200 });
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map((p) => `${csvRow(p)}\r\n`).join("")));
      cursor = page.next ?? undefined;
      if (!cursor) done = true;
    },
  });
}
