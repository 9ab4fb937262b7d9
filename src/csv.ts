/**
 * CSV for analysts, the one writer every list uses (/v1/figures, /v1/goals, /v1/promises): RFC 4180
 * fields and CRLF rows, UTF-8 with a byte-order mark so spreadsheet programs show the Chinese, a
 * header row, then the list's cursor pages written as they are read (a pull stream: the next page
 * is read only when the client has taken the last one, so nothing is buffered beyond one page).
 */

export type CsvValue = string | number | boolean | null | undefined;

/** One column: its header and how an item fills it. */
export interface CsvColumn<T> {
  name: string;
  value: (item: T) => CsvValue;
}

/** A page of a keyset-paged list (src/db/queries/page.ts): its items and the key after them. */
export interface CsvPage<T, C> {
  items: T[];
  next: C | null;
}

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

/** Rows per page read while streaming (the lists' largest page). */
export const CSV_PAGE_SIZE = 200;

/** Text a spreadsheet would run as a formula when it starts the cell (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: empty for null, numbers and booleans as written, text quoted when it holds a quote,
 * comma or line break (quotes doubled). Text that starts like a formula gets an apostrophe first.
 */
export function csvField(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row with its CRLF. */
export function csvLine(values: CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/**
 * The CSV body of a list: BOM and header, then every page from `cursor` on. `page(cursor)` reads
 * one page; a failed read errors the stream (the client sees a broken download, never a short
 * file that looks complete).
 */
export function csvStream<T, C>(columns: CsvColumn<T>[], page: (cursor: C | undefined) => Promise<CsvPage<T, C>>, cursor?: C): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next: C | undefined = cursor;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map((c) => c.name))}`));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const p = await page(next);
      if (p.items.length) controller.enqueue(encoder.encode(p.items.map((item) => csvLine(columns.map((c) => c.value(item)))).join("")));
      next = p.next ?? undefined;
      if (next === undefined) done = true;
    },
  });
}

/** The client asks for CSV (`Accept: text/csv`), not merely accepting anything. */
export const wantsCsv = (accept: string | undefined): boolean => /(^|,)\s*text\/csv\b/i.test(accept ?? "");

/** Headers of a CSV answer saved as `filename`. */
export const csvHeaders = (filename: string) => ({ "content-type": CSV_CONTENT_TYPE, "content-disposition": `attachment; filename="${filename}"` });
