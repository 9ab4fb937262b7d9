/**
 * Hostile input on the webhook, POST /v1/articles: random content types and charsets, random
 * bytes, random JSON (wrong types, hostile metadata), HTML, query metadata, and signature
 * headers that are valid, missing, stale, from the wrong secret, partial or garbage. Never a 5xx;
 * every refusal is a problem document and stores nothing; an unverified post is always 401 (or
 * 413 for a declared oversize length, checked first); an accepted post stores exactly one row.
 * Accepted articles then go through the real queue: the extractor must not fail on any of them.
 *
 * Time: the Worker reads the test's clock (helpers/clock.ts), which starts one millisecond before
 * a second boundary and a Beijing midnight and stands still except where a case moves it: each
 * case moves it by a generated delay between being generated and being sent (0 ms to 400 s:
 * across second boundaries and past the 300 s window's edge, like a slow run), and every
 * signature timestamp is computed from the clock when the request is sent. So a `future` case is
 * 301 s or more ahead of the Worker's clock when it arrives however slow the machine is, and an
 * `edge` case is exactly 300 s off (accepted).
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceClock, BEFORE_MIDNIGHT, nowSeconds, setClock } from "../helpers/clock";
import { eventually } from "../helpers/wait";
import { OLD_SECRET, signatureHeaders, WRONG_SECRET } from "../helpers/webhook";
import { articleCount, BASE, expectProblem, hostileValue, NASTY, queryString, runs, send, timeout } from "./common";

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "text/plain", "text/plain; charset=utf-8", "text/plain; charset=gbk",
  "text/plain; charset=gb2312", "text/plain; charset=gb18030", "text/plain; charset=big5", 'text/plain; charset="utf-8"',
  "TEXT/PLAIN; CHARSET=UTF-8", "text/html", "text/html; charset=utf-8", "text/html; charset=big5", "text/plain; charset=latin1",
  "text/plain; charset=utf-16le", "text/plain; charset=", "text/plain;charset", "application/json; charset=utf-7",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "text/csv", "", ";", ";;charset=utf-8",
  "application/json; charset=utf-8; charset=big5", "text/plain; foo=bar; charset=gbk",
];

const metaValue = fc.oneof(hostileValue, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constant({}),
  fc.constantFrom("https://example.gov.cn/a.html", "http://x", "javascript:alert(1)", "ftp://x", "//x", "2024-05-01", "2024-05-01T08:00:00+08:00"));

const articleish = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.constantFrom(...NASTY),
  fc.tuple(fc.constantFrom("财政收入12亿元，增长57.3%。", "力争到2025年新增总部企业20家。", "<p>全年实现地区生产总值", "約十億元", "１２３４５"), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.record({ text: fc.oneof({ weight: 4, arbitrary: articleish }, { weight: 1, arbitrary: metaValue }), url: metaValue, title: metaValue, source: metaValue, published: metaValue, place: metaValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: articleish },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("", '<meta charset="gbk">', "<meta charset=big5>", '<meta http-equiv="Content-Type" content="text/html; charset=latin1">', "<script>x</script>", "<title>", "<nav>"), articleish, fc.constantFrom("</p>", "<style>", "<br>", "<!--", "]]>", "&amp;&#0;&#xD800;", "")).map(([a, b, c]) => `<html><head>${a}</head><body><p>${b}${c}</p></body></html>`) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe, 0x41]), new Uint8Array([0xfe, 0xff, 0, 0x41]), new Uint8Array([0xb2, 0xc6, 0xd5, 0xfe]), new Uint8Array([0x81]), new Uint8Array([])) },
);

type SigMode = "valid" | "old-secret" | "multi" | "edge" | "none" | "wrong-secret" | "stale" | "future" | "partial" | "garbage" | "tampered";
const sigMode = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<SigMode>("valid", "old-secret", "multi", "edge") },
  { weight: 4, arbitrary: fc.constantFrom<SigMode>("none", "wrong-secret", "stale", "future", "partial", "garbage", "tampered") },
);
const VERIFIED: SigMode[] = ["valid", "old-secret", "multi", "edge"];

/** Milliseconds the clock moves between generating a case and sending it: the edges, and anything up to 400 s. */
const delay = fc.oneof(fc.constantFrom(0, 1, 999, 1_000, 1_001, 299_999, 300_000, 300_001, 301_000), fc.nat({ max: 400_000 }));

let serial = 0;

describe("hostile input: the webhook", () => {
  it("never 5xx, refusals are problems and store nothing, accepted posts store one row", { timeout: timeout(800) }, async () => {
    const accepted: number[] = [];
    let pastWindow = 0;
    setClock(BEFORE_MIDNIGHT);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          contentType: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) }, { weight: 1, arbitrary: fc.constant(null) }),
          body,
          sig: sigMode,
          garbage: fc.array(fc.string({ unit: "grapheme-ascii", maxLength: 60 }), { minLength: 3, maxLength: 3 }),
          query: fc.array(fc.tuple(fc.oneof(fc.constantFrom("title", "place", "published", "source", "url"), hostileValue), metaValue.map(String)), { maxLength: 3 }),
          raw: fc.boolean(),
          extra: fc.dictionary(fc.constantFrom("content-length", "content-encoding", "transfer-encoding", "expect", "webhook-id"), fc.constantFrom("0", "1", "-1", "abc", "99999999999", "gzip", "br", "chunked", "100-continue", ""), { maxKeys: 2 }),
          delay,
        }),
        async (c) => {
          // Generated at the clock's current time; sent c.delay ms later.
          advanceClock(c.delay);
          if (c.delay > 300_000) pastWindow++;
          const bytes = typeof c.body === "string" ? new TextEncoder().encode(c.body) : c.body;
          const id = `fuzz_${serial++}`;
          const now = nowSeconds();
          let headers: Record<string, string>;
          switch (c.sig) {
            case "valid": headers = await signatureHeaders(bytes, { id }); break;
            case "old-secret": headers = await signatureHeaders(bytes, { id, secret: OLD_SECRET }); break;
            case "edge": headers = await signatureHeaders(bytes, { id, timestamp: now + (c.garbage[0]!.length % 2 ? 300 : -300) }); break;
            case "multi": {
              const h = await signatureHeaders(bytes, { id });
              headers = { ...h, "webhook-signature": `v2,abc v1,${btoa("x".repeat(32))} ${h["webhook-signature"]} v1,!!` };
              break;
            }
            case "none": headers = {}; break;
            case "wrong-secret": headers = await signatureHeaders(bytes, { id, secret: WRONG_SECRET }); break;
            case "stale": headers = await signatureHeaders(bytes, { id, timestamp: now - 301 - c.garbage[0]!.length * 1000 }); break;
            case "future": headers = await signatureHeaders(bytes, { id, timestamp: now + 301 + c.garbage[0]!.length }); break;
            case "partial": {
              const h = await signatureHeaders(bytes, { id });
              delete h[(["webhook-id", "webhook-timestamp", "webhook-signature"] as const)[c.garbage[0]!.length % 3]!];
              headers = h;
              break;
            }
            case "garbage": headers = { "webhook-id": c.garbage[0]!, "webhook-timestamp": c.garbage[1]!, "webhook-signature": c.garbage[2]! }; break;
            case "tampered": {
              headers = await signatureHeaders(new Uint8Array([...bytes, 0x20]), { id });
              break;
            }
          }
          const extra = { ...c.extra };
          if (VERIFIED.includes(c.sig)) delete extra["webhook-id"]; // would break our own signature
          const all: Record<string, string> = { ...extra, ...headers };
          if (c.contentType !== null) all["content-type"] = c.contentType;
          let req: Request;
          try {
            req = new Request(`${BASE}/v1/articles${queryString(c.query, c.raw)}`, { method: "POST", headers: all, body: bytes });
          } catch {
            return; // a request no client can build
          }
          const what = `POST ${req.url} ${JSON.stringify(all).slice(0, 400)} body=${JSON.stringify(typeof c.body === "string" ? c.body : [...c.body]).slice(0, 300)}`;
          const before = await articleCount();
          const res = await send(req);
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) {
            const doc = await expectProblem(res, what);
            expect(await articleCount(), `${what}: a refusal stored something`).toBe(before);
            if (!VERIFIED.includes(c.sig)) {
              expect([400, 401, 413], what).toContain(res.status);
              if (res.status === 401) expect(["missing_signature", "stale_timestamp", "bad_signature"], what).toContain(doc.code);
              // signature headers refused for their shape, before the body is read
              if (res.status === 400) expect(["duplicate_signature_header", "too_many_signatures", "invalid_webhook_id"], what).toContain(doc.code);
            }
            return;
          }
          expect(VERIFIED, `${what}: accepted without a valid signature`).toContain(c.sig);
          const json = (await res.json()) as { id: number; replay?: boolean; duplicate_of?: number };
          if (res.status === 201) {
            expect(await articleCount(), what).toBe(before + 1);
            expect(res.headers.get("location"), what).toBe(`/v1/articles/${json.id}`);
            const row = await env.DB.prepare("SELECT webhook_id FROM articles WHERE id = ?").bind(json.id).first<{ webhook_id: string }>();
            expect(row?.webhook_id, what).toBe(headers["webhook-id"]);
            accepted.push(json.id);
          } else {
            expect(res.status, what).toBe(200);
            expect(json.duplicate_of ?? (json.replay ? json.id : undefined), what).toBeDefined();
            expect(await articleCount(), what).toBe(before);
          }
        },
      ),
      { numRuns: runs(800) },
    );
    expect(accepted.length).toBeGreaterThan(0);
    if (runs(800) >= 100) expect(pastWindow, "cases whose clock moved past the window between generation and sending").toBeGreaterThan(0);
    // Every accepted hostile article goes through the real queue; none may make the extractor fail.
    await eventually(async () => {
      const left = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'received'").first<{ n: number }>();
      expect(left!.n).toBe(0);
    });
    const failed = await env.DB.prepare("SELECT id, error, substr(text, 1, 200) AS text FROM articles WHERE status != 'extracted'").all();
    expect(failed.results).toEqual([]);
  });
});
