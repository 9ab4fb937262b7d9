/**
 * Hostile input on the webhook, round two (issue 13): HTML with foreign content (self-closed SVG
 * and MathML, CDATA, SVG titles and styles), form controls and unclosed markup; signature lists
 * of every length and shape; control, bidi, zero-width and surrogate characters in metadata.
 *
 * Deterministic: a fixed seed (TEST_SEED overrides it, test/helpers/random.ts) and fast-check's failure report
 * prints the seed and path of the failing case. Every webhook timestamp is taken when the request
 * is built, right before it is sent, never when a case is generated.
 */
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html";
import { MAX_SIGNATURE_HEADER, MAX_SIGNATURES, parseSecrets, verifySignature, type MacFunction } from "../../src/ingest/signature";
import { SEED } from "../helpers/random";
import { signatureHeaders } from "../helpers/webhook";
import { articleCount, BASE, expectProblem, runs, send, timeout } from "./common";

const settings = (normal: number) => ({ numRuns: runs(normal), seed: SEED ?? 1313 });

let serial = 0;
const nextId = () => `hostile_${serial++}`;

/** Signs (timestamp taken now) and sends. */
async function postSigned(body: string, contentType: string, o: { query?: string; signature?: (real: string) => string } = {}): Promise<Response> {
  const headers = await signatureHeaders(body, { id: nextId(), timestamp: Math.floor(Date.now() / 1000) });
  if (o.signature) headers["webhook-signature"] = o.signature(headers["webhook-signature"]!);
  return send(new Request(`${BASE}/v1/articles${o.query ?? ""}`, { method: "POST", headers: { "content-type": contentType, ...headers }, body }));
}

beforeEach(async () => {
  await env.DB.exec("DELETE FROM articles");
});

const MARKER = "杜集区财政收入12亿元";

/** Markup that is complete in itself: whatever it holds, the text after it must survive. */
const balanced = fc.constantFrom(
  "<svg/>", "<svg><title/></svg>", "<svg><style/></svg>", "<svg><title>图标</title><text>图</text></svg>", "<math><mi/><mo>+</mo></math>",
  "<svg><![CDATA[</svg><p>]]></svg>", "<svg><g><g/><path d='M0 0'/></g></svg>", "<!-- <p>注释</p> -->", "<!---->", "<!DOCTYPE html>", "<?xml x?>",
  "<form id=form1>", "</form>", "<input value='x>y'>", "<select><option>选项</option></select>", "<button>提交</button>", "<textarea><p>输入</textarea>",
  "<br>", "<br/>", "</br>", "<p>", "</p>", "<div class=\"a>b\">", "</div>", "<b>", "</i>", "<span title='<svg>'>", "&amp;", "&#x5b57;", "&nbsp;", "&bogus;", "a < b",
  "<script>document.write('</p><svg>')</script>", "<style>p{}</style>", "<noscript><p>无脚本</p></noscript>", "<nav><a>首页</a></nav>", "<footer>版权</footer>",
  "<template><p>模板</p></template>", "<SVG/>", "<Svg><Title/></sVg>", "<iframe src=x></iframe>", "<title>页面</title>",
);
/** Markup that may swallow what follows (unclosed comments, raw-text and skipped elements) or is cut anywhere. */
const anything = fc.oneof(
  balanced,
  fc.constantFrom("<svg>", "<math>", "<!--", "<script>", "<style>", "<nav>", "<title>", "<textarea>", "<select>", "<![CDATA[", "<p a=\"", "<p a='", "<", "</", "<a", "&"),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

describe("hostile input, round two: HTML", () => {
  it("foreign content, forms and controls never lose the text after them and never answer 5xx", { timeout: timeout(150) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(balanced, { maxLength: 12 }), fc.array(balanced, { maxLength: 6 }), async (before, after) => {
        const page = `<html><head><meta charset="utf-8"></head><body>${before.join("")}<p>${MARKER}</p>${after.join("")}</body></html>`;
        const what = `POST text/html ${page.slice(0, 400)}`;
        expect(htmlToText(page).text, what).toContain(MARKER);
        const res = await postSigned(page, "text/html");
        expect([200, 201], what).toContain(res.status);
        const { id } = (await res.json()) as { id: number };
        const row = await env.DB.prepare("SELECT text, meta_title FROM articles WHERE id = ?").bind(id).first<{ text: string; meta_title: string | null }>();
        expect(row!.text, what).toContain(MARKER);
        // Only the page's own <title> may become the title: never an SVG label.
        expect(row!.meta_title ?? "", what).not.toContain("图标");
      }),
      settings(150),
    );
  });

  it("any markup, cut anywhere, answers 201, 200 or a 4xx problem that stores nothing", { timeout: timeout(200) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anything, { maxLength: 16 }), fc.constantFrom("text/html", "text/html; charset=utf-8", "text/html; charset=gbk"), async (parts, contentType) => {
        const page = parts.join("");
        const what = `POST ${contentType} ${JSON.stringify(page).slice(0, 400)}`;
        const before = await articleCount();
        const res = await postSigned(page, contentType);
        expect(res.status, what).toBeLessThan(500);
        if (res.status >= 400) {
          const doc = await expectProblem(res, what);
          expect(["empty_text", "undecodable_text"], what).toContain(doc.code);
          expect(await articleCount(), what).toBe(before);
        } else {
          expect([200, 201], what).toContain(res.status);
        }
      }),
      settings(200),
    );
  });
});

/** One `webhook-signature` entry of any kind but the real one. */
const otherEntry = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => `v1,${btoa(String.fromCharCode(...b))}`),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => `v1,${btoa(String.fromCharCode(...b))}`),
  fc.constantFrom("v1,", "v1,!!", "v2,abc", "v1a,AAAA", "v1", ","),
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 12 }).filter((s) => !/[\s,]/.test(s)),
);

describe("hostile input, round two: signature lists", () => {
  it("a list verifies iff it holds the real signature within the caps; too long or doubled lists are 400 before the body is read", { timeout: timeout(200) }, async () => {
    const body = JSON.stringify({ text: `${MARKER}，增长5%。` });
    await fc.assert(
      fc.asyncProperty(
        fc.array(otherEntry, { maxLength: 30 }),
        fc.option(fc.nat(), { nil: undefined }),
        fc.boolean(),
        async (others, realAt, doubled) => {
          let expected: { status: number; code?: string } | undefined;
          const res = await postSigned(body, "application/json", {
            signature: (real) => {
              const entries = [...others];
              if (realAt !== undefined) entries.splice(realAt % (entries.length + 1), 0, real);
              const header = doubled ? `${entries.join(" ")}, ${real}` : entries.join(" ");
              const joined = header.length === 0 ? real : header; // an empty header is `missing_signature`; keep the list non-empty
              const count = joined.split(" ").filter(Boolean).length;
              if (/,\s/.test(joined)) expected = { status: 400, code: "duplicate_signature_header" };
              else if (count > MAX_SIGNATURES || joined.length > MAX_SIGNATURE_HEADER) expected = { status: 400, code: "too_many_signatures" };
              else if (joined.split(" ").includes(real)) expected = { status: 201 };
              else expected = { status: 401, code: "bad_signature" };
              return joined;
            },
          });
          const what = `signature list of ${others.length} others, real at ${realAt}, doubled ${doubled}`;
          if (expected!.status === 201) expect([200, 201], what).toContain(res.status);
          else {
            expect(res.status, what).toBe(expected!.status);
            expect((await expectProblem(res, what)).code, what).toBe(expected!.code);
          }
          await env.DB.exec("DELETE FROM articles");
        },
      ),
      settings(200),
    );
  });

  it("verifying any list computes at most one MAC per configured secret", { timeout: timeout(200) }, async () => {
    const secrets = parseSecrets(env.WEBHOOK_SECRETS);
    const bytes = new TextEncoder().encode(MARKER);
    await fc.assert(
      fc.asyncProperty(fc.array(otherEntry, { maxLength: 2000 }), async (entries) => {
        let macs = 0;
        const mac: MacFunction = (key, data) => (macs++, crypto.subtle.sign("HMAC", key, data));
        const ok = await verifySignature({ id: "msg_x", timestamp: "1900000000", signature: entries.join(" ") }, bytes, secrets, mac);
        expect(ok).toBe(false);
        expect(macs).toBeLessThanOrEqual(secrets.length);
      }),
      settings(200),
    );
  });
});

const INVISIBLE = ["\u202e", "\u202d", "\u202a", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u061c"];
const CONTROLS = ["\u0000", "\u0001", "\u0008", "\u000b", "\u001f", "\u007f", "\n", "\t"];
const SURROGATES = ["\ud800", "\udfff", "\udbff"];
/** Metadata made of Chinese text with invisible, control and surrogate characters mixed in. */
const dirty = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(..."杜集区經開區财政标题 -·") }, { weight: 2, arbitrary: fc.constantFrom(...INVISIBLE) }, { weight: 1, arbitrary: fc.constantFrom(...CONTROLS) }, { weight: 1, arbitrary: fc.constantFrom(...SURROGATES) }), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(""));
const hasAny = (s: string, set: string[]) => set.some((c) => s.includes(c));

describe("hostile input, round two: control, bidi and zero-width characters in metadata", () => {
  it("each value is refused as malformed (naming it) or stored without invisible characters", { timeout: timeout(200) }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("place", "title", "source"), dirty, fc.boolean(), async (field, value, asQuery) => {
        const text = `${MARKER}，${serial}。`;
        const res = asQuery
          ? await postSigned(text, "text/plain; charset=utf-8", { query: `?${field}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""))}` })
          : await postSigned(JSON.stringify({ text, [field]: value }), "application/json");
        const sent = asQuery ? value.replace(/[\ud800-\udfff]/g, "") : value;
        const what = `${asQuery ? "query" : "json"} ${field}=${JSON.stringify(value)}`;
        const cleaned = INVISIBLE.reduce((s, c) => s.split(c).join(""), sent).trim();
        const refused = hasAny(cleaned, CONTROLS) || hasAny(sent, SURROGATES);
        if (refused) {
          expect(res.status, what).toBe(400);
          expect(await expectProblem(res, what), what).toMatchObject({ code: "malformed", parameter: field });
          expect(await articleCount(), what).toBe(0);
          return;
        }
        expect(res.status, what).toBe(201);
        const column = { place: "meta_place", title: "meta_title", source: "meta_source" }[field]!;
        const row = await env.DB.prepare(`SELECT ${column} AS v FROM articles`).first<{ v: string | null }>();
        expect(row!.v ?? "", what).toBe(cleaned);
        await env.DB.exec("DELETE FROM articles");
      }),
      settings(200),
    );
  });
});
