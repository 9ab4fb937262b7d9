/**
 * Periods as the extractor writes them (types.ts Figure.period): 2025, 2022-H1, 2024-Q3,
 * 2024-01..10, 2021..2025. Only what the linker needs: where a period ends, and whether it spans
 * several years. Plain string parsing (no regexes).
 */

const isDigits = (s: string, n: number) => s.length === n && [...s].every((c) => c >= "0" && c <= "9");

/** Last month of a single period part ("2016" → 2016-12, "2016-H1" → 2016-06, "2024-Q3" → 2024-09, "2024-05"). */
function partEnd(part: string, year: string | null): string | null {
  const [y, rest] = part.includes("-") ? (part.split("-", 2) as [string, string]) : isDigits(part, 4) ? [part, ""] : [year ?? "", part];
  if (!isDigits(y, 4)) return null;
  if (rest === "") return `${y}-12`;
  if (rest === "H1") return `${y}-06`;
  if (rest === "H2") return `${y}-12`;
  if (rest.length === 2 && rest[0] === "Q" && "1234".includes(rest[1]!)) return `${y}-${String(Number(rest[1]) * 3).padStart(2, "0")}`;
  if (isDigits(rest, 2) && Number(rest) >= 1 && Number(rest) <= 12) return `${y}-${rest}`;
  return null;
}

/** The month a period ends in, as YYYY-MM (sortable), or null for what is not a period. */
export function periodEnd(period: string): string | null {
  const [from, to] = period.split("..", 2) as [string, string | undefined];
  const year = from.slice(0, 4);
  return to === undefined ? partEnd(from, null) : partEnd(to, isDigits(year, 4) ? year : null);
}

/** True for a span of more than one year (2021..2025): never the outcome of one year's target. */
export function isMultiYear(period: string): boolean {
  const [from, to] = period.split("..", 2) as [string, string | undefined];
  return to !== undefined && isDigits(to.slice(0, 4), 4) && to.slice(0, 4) !== from.slice(0, 4);
}
