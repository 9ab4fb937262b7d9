/**
 * Shared pieces of the hostile-input properties. Run counts: a few thousand cases in total in
 * `npm test`; `npm run fuzz` sets FUZZ_RUNS (a binding, vitest.config.ts) and every property then
 * runs that many cases.
 */
import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { expect } from "vitest";
import { PROBLEM_CODES } from "../../src/problems";

const fuzzRuns = Number(env.FUZZ_RUNS || 0);
if (fuzzRuns > 0) console.log(`fuzz: FUZZ_RUNS=${fuzzRuns} cases per property`);

/** Cases for one property: `normal` in `npm test`, FUZZ_RUNS under `npm run fuzz`. */
export function runs(normal: number): number {
  return fuzzRuns > 0 ? fuzzRuns : normal;
}

/** A per-test hang guard that scales with the run count: generous for a loaded 2-core machine, never a speed goal. */
export function timeout(normal: number): number {
  return Math.max(300_000, runs(normal) * 250);
}

export const BASE = "http://jiyao.test";

export function send(req: Request): Promise<Response> {
  return exports.default.fetch(req);
}

export async function articleCount(): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM articles").first<{ n: number }>())!.n;
}

/** An error answer must be an RFC 9457 document with a known `code` that matches its status. */
export async function expectProblem(res: Response, what: string, head = false): Promise<Record<string, unknown>> {
  const type = res.headers.get("content-type") ?? "";
  const text = await res.text();
  expect(type, `${what} → ${res.status} ${text.slice(0, 200)}`).toMatch(/^application\/problem\+json/);
  if (head) return {}; // HEAD: the headers of the problem, no body
  const doc = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(PROBLEM_CODES), `${what} → ${text.slice(0, 200)}`).toContain(doc.code);
  expect(doc.status, what).toBe(res.status);
  expect(PROBLEM_CODES[doc.code as keyof typeof PROBLEM_CODES].status, what).toBe(res.status);
  expect(typeof doc.title, what).toBe("string");
  expect(typeof doc.detail, what).toBe("string");
  return doc;
}

/** Strings hostile to SQL, FTS5 MATCH, HTML/XML, URLs and number parsing. */
export const NASTY = [
  "'", '"', "''", "' OR '1'='1", "1; DROP TABLE articles; --", "\") OR 1=1 --", "%", "_", "\\", "*", "财政*", '"财政', "财政 OR 收入",
  "NEAR(财政 收入)", "title:财政", "-财政", "^财政", "{财政}", "(", ")", "AND", "OR", "NOT", "财政 AND", "MATCH", "rowid", "\u0000",
  "\u0001", "\u001f", "\u007f", "\u200b", "\ufeff", "\ufffd", "\ud800", "𠮶", "<script>alert(1)</script>", "]]>", "&amp;", "&#0;",
  "javascript:alert(1)", "../../etc/passwd", "%00", "%zz", "NaN", "Infinity", "-Infinity", "1e309", "-1", "0", "00", "1.5", "0x10",
  "９", "١٢", "99999999999999999999", "-0", " 1 ", "true", "false", "null", "undefined", "[]", "{}", "2024-02-30", "2024-13-01",
  "9999-12-31", "0000-00-00", "2024-05-01T25:00", "杜集区", "杜集", "經開區", "财政收入", "reported", "target", "received", "extracted",
  "failed", "a".repeat(300), "财".repeat(120), "\n", "\r\n", "\t", " ", "",
];

/** A query or header value: the nasty list, arbitrary text (any code points), or numbers. */
export const hostileValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^%[0-9A-Fa-fzZ]{0,2}(%[0-9A-F]{2}){0,3}$/) },
);

/** Percent-encodes like a browser, but lets raw (possibly invalid) %-sequences through untouched
 * half of the time, so the Worker sees malformed encodings too. */
export function queryString(pairs: [string, string][], raw: boolean): string {
  if (!pairs.length) return "";
  const enc = (s: string) => (raw ? s.replace(/[^\x21-\x7e]|[#&=+]/gu, (c) => uri(c).replace(/%25/g, "%")) : uri(s));
  return `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&")}`;
}

/** encodeURIComponent, but a lone surrogate becomes its (invalid UTF-8) WTF-8 bytes instead of throwing. */
function uri(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[^\ud800-\udfff]+|[\ud800-\udbff][\udc00-\udfff]/g, (part) => {
    if (part.length === 1 && part >= "\ud800" && part <= "\udfff") {
      const c = part.charCodeAt(0);
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    }
    return encodeURIComponent(part);
  });
}
