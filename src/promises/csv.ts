/**
 * Promises as CSV (`GET /v1/promises` with `Accept: text/csv`, or `/v1/promises.csv`): one row
 * per promise with the target and outcome flattened, written by the shared writer (src/csv.ts).
 */
import { csvStream, CSV_PAGE_SIZE, type CsvColumn } from "../csv";
import type { PromiseFigure, PromiseFilter, PromiseItem } from "../db/queries/promises";
import type { Reads } from "../db/reads";

const FIGURE_COLUMNS = ["figure_id", "article_id", "text", "value", "value_max", "unit", "approx", "change", "sentence", "published"] as const;

const figureColumns = (prefix: "target" | "outcome"): CsvColumn<PromiseItem>[] =>
  FIGURE_COLUMNS.map((c) => ({ name: `${prefix}_${c}`, value: (p) => (p[prefix] as PromiseFigure | null)?.[c] }));

export const PROMISE_COLUMNS: CsvColumn<PromiseItem>[] = [
  ...(["id", "place", "place_code", "metric", "metric_key", "period", "direction", "verdict"] as const).map((c) => ({ name: c, value: (p: PromiseItem) => p[c] })),
  ...figureColumns("target"),
  ...figureColumns("outcome"),
  { name: "evidence_count", value: (p) => p.evidence.length },
  { name: "derived_value", value: (p) => p.derived?.value },
  { name: "derived_unit", value: (p) => p.derived?.unit },
  { name: "derived_formula", value: (p) => p.derived?.formula },
  { name: "derived_verdict", value: (p) => p.derived_verdict },
];

/** Every promise the filter matches, from its cursor on. */
export function promisesCsv(reads: Reads, f: PromiseFilter): ReadableStream<Uint8Array> {
  return csvStream(PROMISE_COLUMNS, (cursor) => reads.promises({ ...f, cursor, limit: CSV_PAGE_SIZE }), f.cursor);
}
