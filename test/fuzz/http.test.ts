/**
 * Hostile input over the read surface: random query parameters (known names with hostile values,
 * unknown names, repeats, malformed %-encodings), path segments, methods and conditional/CORS
 * headers on every endpoint. Never a 5xx; every 4xx of the API, feeds and other machine endpoints
 * is an application/problem+json document with a known `code`; HTML pages may answer an HTML
 * error page; success bodies parse as their type. Reads never write (row counts unchanged).
 * Values and path segments carry control, NUL, bidi and zero-width characters too; a control
 * character in any parameter of any endpoint is a 400 naming it.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "../helpers/seed";
import { articleCount, BASE, expectProblem, hostileValue, queryString, runs, send, timeout } from "./common";

const COMMON = ["place", "q", "from", "to", "cursor", "limit"];
const FEED = ["place", "metric", "kind", "q", "limit"];
const ENDPOINTS: { path: string; params: string[]; page?: boolean }[] = [
  { path: "/v1/figures", params: [...COMMON, "metric", "kind", "unit", "change", "min", "max"] },
  { path: "/v1/goals", params: [...COMMON, "actor", "deadline", "metric"] },
  { path: "/v1/articles", params: [...COMMON, "status"] },
  { path: "/v1/articles/:id", params: [] },
  { path: "/v1/places", params: ["limit"] },
  { path: "/v1/metrics", params: ["place", "kind", "limit"] },
  { path: "/v1/promises", params: ["place", "metric", "period", "verdict", "q", "cursor", "limit"] },
  { path: "/v1/promises/:id", params: [] },
  ...["feed", "digest"].flatMap((n) => ["xml", "atom", "json"].map((e) => ({ path: `/${n}.${e}`, params: FEED }))),
  ...["xml", "atom", "json"].map((e) => ({ path: `/promises.${e}`, params: ["place", "metric", "verdict", "limit"] })),
  { path: "/opml.xml", params: [] },
  { path: "/healthz", params: [] },
  { path: "/openapi.json", params: [] },
  { path: "/", params: [...FEED, "day", "page"], page: true },
  { path: "/articles/:id", params: [], page: true },
  { path: "/metrics/:metric", params: [...FEED, "day"], page: true },
  { path: "/v1/admin/reextract", params: ["all"] },
];

const SUCCESS_TYPES: [RegExp, RegExp][] = [
  [/^\/v1\/|^\/healthz|^\/openapi\.json/, /^application\/json/],
  [/\.xml$/, /^(application\/rss\+xml|text\/x-opml)/],
  [/\.atom$/, /^application\/atom\+xml/],
  [/\.json$/, /^application\/feed\+json/],
  [/^\/(articles|metrics)?\/?/, /^text\/html/],
];

let cursors: string[] = [];
let rows = 0;
let figureRows = 0;

beforeAll(async () => {
  await seedCorpus();
  rows = await articleCount();
  figureRows = (await env.DB.prepare("SELECT count(*) AS n FROM figures").first<{ n: number }>())!.n;
  // Real cursors (and mangled ones below) from the first pages.
  for (const p of ["/v1/figures?limit=2", "/v1/goals?limit=2", "/v1/articles?limit=2"]) {
    const r = (await (await send(new Request(BASE + p))).json()) as { next_cursor?: string };
    if (r.next_cursor) cursors.push(r.next_cursor);
  }
  expect(cursors.length).toBeGreaterThan(0);
});

/**
 * Characters that must never reach D1 unrefused or fool a reader: C0/C1 controls (NUL included),
 * bidi embeddings, overrides and isolates, zero-width and other format characters, separators.
 */
const CONTROLS = ["\u0000", "\u0001", "\u0008", "\t", "\u000b", "\u001b", "\u001f", "\u007f", "\u0085", "\u009b", "\u009f"];
const INVISIBLE = ["\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069", "\u061c", "\u200e", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029"];
const inserted = (base: fc.Arbitrary<string>, chars: string[]) =>
  fc.tuple(base, fc.nat(), fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 3 })).map(([v, at, cs]) => {
    const i = at % (v.length + 1);
    return v.slice(0, i) + cs.join("") + v.slice(i);
  });
const special = inserted(fc.oneof(hostileValue, fc.constantFrom("杜集区", "财政收入", "2020-01-01", "5", "target", "元", "2025")), [...CONTROLS, ...INVISIBLE]);

const segment = fc.oneof(
  inserted(fc.constantFrom("1", "财政收入", ""), [...CONTROLS, ...INVISIBLE]).map(encodeURIComponent),
  fc.constantFrom("1", "2", "0", "-1", "1.5", "1e3", "99999999999999999999", "abc", "%E8%B4%A2%E6%94%BF", "%zz", "%00", "..", "%2e%2e", "财政收入", "' OR 1=1", "<x>"),
  fc.nat().map(String),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }).map(encodeURIComponent),
);

const value = fc.oneof({ weight: 5, arbitrary: hostileValue }, { weight: 2, arbitrary: special }, { weight: 1, arbitrary: fc.constant("CURSOR") });

const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  segment,
  pairs: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constant("KNOWN") }, { weight: 1, arbitrary: hostileValue }), value), { maxLength: 6 }),
  raw: fc.boolean(),
  method: fc.oneof({ weight: 8, arbitrary: fc.constant("GET") }, { weight: 1, arbitrary: fc.constantFrom("HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH") }),
  headers: fc.dictionary(
    fc.constantFrom("if-none-match", "if-modified-since", "accept", "accept-encoding", "accept-language", "origin", "access-control-request-method", "range", "authorization", "x-forwarded-host", "host"),
    fc.oneof(fc.constantFrom("*", 'W/"x"', '"abc"', "Bearer x", "bytes=0-1", "GET", "https://evil.example", "zh-CN", "Wed, 21 Oct 2015 07:28:00 GMT", ""), fc.string({ unit: "grapheme-ascii", maxLength: 30 })),
    { maxKeys: 3 },
  ),
  knownPick: fc.nat(),
  cursorPick: fc.nat(),
  mangle: fc.boolean(),
});

describe("hostile input: every read endpoint", () => {
  it("answers no 5xx, problem documents for errors, and writes nothing", { timeout: timeout(1200) }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = r.endpoint.path.replace(/:[a-z]+/, r.segment);
        const pairs: [string, string][] = r.pairs.map(([k, v], i) => {
          const key = k === "KNOWN" ? (r.endpoint.params[(r.knownPick + i) % Math.max(1, r.endpoint.params.length)] ?? "limit") : k;
          let val = v;
          if (v === "CURSOR") {
            val = cursors[r.cursorPick % cursors.length]!;
            if (r.mangle) val = val.slice(0, -2) + (val.endsWith("A") ? "B" : "A") + "=";
          }
          return [key, val];
        });
        const url = BASE + path + queryString(pairs, r.raw);
        let req: Request;
        try {
          req = new Request(url, { method: r.method, headers: r.headers });
        } catch {
          return; // not a request a client can send (the runtime refuses to build it)
        }
        const what = `${r.method} ${url} ${JSON.stringify(r.headers)}`;
        const res = await send(req);
        expect(res.status, `${what} → ${res.status}`).toBeLessThan(500);
        const type = res.headers.get("content-type") ?? "";
        const pathname = new URL(req.url).pathname;
        const isPage = r.endpoint.page || pathname === "/docs";
        if (res.status >= 400) {
          if (isPage && type.startsWith("text/html")) await res.arrayBuffer();
          else await expectProblem(res, what, r.method === "HEAD");
        } else if (res.status === 200 && r.method === "GET") {
          const body = await res.text();
          const want = SUCCESS_TYPES.find(([p]) => p.test(pathname))?.[1];
          if (want) expect(type, what).toMatch(want);
          if (/json/.test(type)) expect(() => JSON.parse(body), what).not.toThrow();
        } else {
          await res.arrayBuffer();
        }
      }),
      { numRuns: runs(1200) },
    );
    expect(await articleCount()).toBe(rows);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM figures").first<{ n: number }>())!.n).toBe(figureRows);
  });
});

/** Each endpoint's parameters with a value valid on its own (the admin endpoint is POSTed with the token). */
const VALID: { path: string; params: Record<string, string>; page?: boolean; admin?: boolean }[] = [
  { path: "/v1/figures", params: { place: "杜集区", q: "财政收入", metric: "财政收入", unit: "元", kind: "reported", change: "true", from: "2020-01-01", to: "2021-01-01", min: "1", max: "2", limit: "5", cursor: "CURSOR" } },
  { path: "/v1/goals", params: { place: "杜集区", q: "财政收入", metric: "财政收入", actor: "高邮", deadline: "2025", from: "2020-01-01", to: "2021-01-01", limit: "5" } },
  { path: "/v1/articles", params: { place: "杜集区", q: "财政收入", status: "extracted", from: "2020-01-01", to: "2021-01-01", limit: "5" } },
  { path: "/v1/places", params: { limit: "5" } },
  { path: "/v1/metrics", params: { place: "杜集区", kind: "target", limit: "5" } },
  ...["feed", "digest"].flatMap((n) => ["xml", "atom", "json"].map((e) => ({ path: `/${n}.${e}`, params: { place: "杜集区", metric: "财政收入", kind: "target", q: "财政收入", limit: "5" } }))),
  { path: "/", params: { place: "杜集区", metric: "财政收入", kind: "target", q: "财政收入", limit: "5", day: "2026-11-20" }, page: true },
  { path: "/v1/admin/reextract", params: { scope: "stale", cursor: "1" }, admin: true },
];

describe("control characters in any parameter", () => {
  it("are a 400 naming the parameter, wherever they sit in the value", { timeout: timeout(400) }, async () => {
    const cases = fc.record({
      endpoint: fc.constantFrom(...VALID),
      pick: fc.nat(),
      others: fc.boolean(),
      value: inserted(fc.constantFrom("", "x"), CONTROLS),
      at: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(cases, async (c) => {
        const names = Object.keys(c.endpoint.params);
        const name = names[c.pick % names.length]!;
        const valid = c.endpoint.params[name] === "CURSOR" ? cursors[0]! : c.endpoint.params[name]!;
        const i = c.at % (valid.length + 1);
        // The control characters land inside a value that is otherwise valid (and the other parameters are valid too).
        const bad = valid.slice(0, i) + c.value.replace("x", "") + valid.slice(i);
        const params: Record<string, string> = c.others ? Object.fromEntries(names.filter((n) => n !== "cursor").map((n) => [n, c.endpoint.params[n]!])) : {};
        params[name] = bad;
        const url = `${BASE}${c.endpoint.path}?${new URLSearchParams(params)}`;
        const res = await send(new Request(url, c.endpoint.admin ? { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } } : {}));
        const what = `${url} (${name}=${JSON.stringify(bad)})`;
        expect(res.status, what).toBe(400);
        if (c.endpoint.page) {
          expect(await res.text(), what).toContain(name);
          return;
        }
        const doc = await expectProblem(res, what);
        expect(doc, what).toMatchObject({ code: "invalid_parameter", parameter: name });
      }),
      { numRuns: runs(400) },
    );
    expect(await articleCount()).toBe(rows);
  });
});
