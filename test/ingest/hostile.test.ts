/**
 * Issue 13, ingest side: what an attacker (or a careless CMS) found beside the happy path.
 * Each block names its finding; every case goes through the real Worker and the real local D1.
 */
import { env, exports } from "cloudflare:workers";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html";
import { MAX_SIGNATURES, MAX_WEBHOOK_ID, parseSecrets, verifySignature, type MacFunction } from "../../src/ingest/signature";
import { MAX_STORED_BYTES, storedBytes } from "../../src/ingest/store";
import { CORPUS } from "../helpers/corpus";
import { eventually } from "../helpers/wait";
import { post, postJson, signatureHeaders } from "../helpers/webhook";

const TEXT = CORPUS[1]!.text;
/** The traditional seed article, as far as Big5 can encode it. */
const TRADITIONAL = [...CORPUS[4]!.text].filter((ch) => iconv.decode(iconv.encode(ch, "big5"), "big5") === ch).join("");
const SIMPLIFIED = [...TEXT].filter((ch) => iconv.decode(iconv.encode(ch, "gbk"), "gbk") === ch).join("");

async function rows() {
  const r = await env.DB.prepare("SELECT id, webhook_id, text, encoding, declared_charset, format, status, meta_title, meta_place, meta_published FROM articles ORDER BY id").all();
  return r.results as Record<string, unknown>[];
}

async function problem(res: Response, status: number, code: string) {
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(res.status).toBe(status);
  expect(typeof body.detail).toBe("string");
  return body;
}

/** A random-looking but well-formed `v1,` signature (32 bytes, base64). */
const forged = (i: number) => `v1,${btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, k) => (i * 31 + k * 7) & 0xff)))}`;

beforeEach(async () => {
  await env.DB.exec("DELETE FROM articles");
});

describe("finding 1: the signature check costs one MAC per secret, bounded before the body is read", () => {
  const secrets = parseSecrets(env.WEBHOOK_SECRETS);
  /** The real WebCrypto HMAC, counted. */
  function countingMac(): { mac: MacFunction; count: () => number } {
    let n = 0;
    return { mac: (key, data) => (n++, crypto.subtle.sign("HMAC", key, data)), count: () => n };
  }
  const body = new TextEncoder().encode(JSON.stringify({ text: "字".repeat(100_000) }));
  const headers = (signature: string) => ({ id: "msg_cost", timestamp: "1900000000", signature });

  it("1,000 forged signatures cost no more MACs than two: one per configured secret", async () => {
    expect(secrets).toHaveLength(2);
    const thousand = countingMac();
    expect(await verifySignature(headers(Array.from({ length: 1000 }, (_, i) => forged(i)).join(" ")), body, secrets, thousand.mac)).toBe(false);
    const two = countingMac();
    expect(await verifySignature(headers(`${forged(1)} ${forged(2)}`), body, secrets, two.mac)).toBe(false);
    expect(thousand.count()).toBe(secrets.length);
    expect(thousand.count()).toBeLessThanOrEqual(two.count());
  });

  it("still finds the one real signature among the forged ones", async () => {
    const real = (await signatureHeaders(body, { id: "msg_cost", timestamp: 1_900_000_000 }))["webhook-signature"];
    const counted = countingMac();
    const list = [...Array.from({ length: MAX_SIGNATURES - 1 }, (_, i) => forged(i)), real].join(" ");
    expect(await verifySignature(headers(list), body, secrets, counted.mac)).toBe(true);
    expect(counted.count()).toBe(1);
  });

  it("refuses more than the cap of signatures (or an overlong header) with 400 before reading the body", async () => {
    const payload = JSON.stringify({ text: TEXT });
    const real = (await signatureHeaders(payload))["webhook-signature"];
    const many = [...Array.from({ length: 1000 }, (_, i) => forged(i)), real].join(" ");
    await problem(await post(payload, { signature: many }), 400, "too_many_signatures");
    const long = `v2,${"A".repeat(2000)} ${real}`;
    await problem(await post(payload, { signature: long }), 400, "too_many_signatures");
    expect(await rows()).toHaveLength(0);
    // at the cap, the real one still verifies
    const ts = Math.floor(Date.now() / 1000);
    const good = (await signatureHeaders(payload, { id: "msg_cap", timestamp: ts }))["webhook-signature"];
    const atCap = [...Array.from({ length: MAX_SIGNATURES - 1 }, (_, i) => forged(i)), good].join(" ");
    expect((await post(payload, { id: "msg_cap", timestamp: ts, signature: atCap })).status).toBe(201);
  });

  it("refuses duplicated signature headers (joined with \", \") as 400 duplicate_signature_header", async () => {
    const payload = JSON.stringify({ text: TEXT });
    const h = await signatureHeaders(payload);
    const send = (over: Record<string, string>) =>
      exports.default.fetch("http://jiyao.test/v1/articles", { method: "POST", headers: { "content-type": "application/json", ...h, ...over }, body: payload });
    const doubled = new Headers(h);
    doubled.append("webhook-timestamp", h["webhook-timestamp"]!);
    expect(doubled.get("webhook-timestamp")).toContain(", ");
    await problem(await send({ "webhook-timestamp": doubled.get("webhook-timestamp")! }), 400, "duplicate_signature_header");
    await problem(await send({ "webhook-id": `${h["webhook-id"]}, ${h["webhook-id"]}` }), 400, "duplicate_signature_header");
    await problem(await send({ "webhook-signature": `${h["webhook-signature"]}, ${h["webhook-signature"]}` }), 400, "duplicate_signature_header");
    expect(await rows()).toHaveLength(0);
  });

  it("limits webhook-id to 256 printable characters (400 invalid_webhook_id)", async () => {
    await problem(await postJson({ text: TEXT }, { id: "x".repeat(MAX_WEBHOOK_ID + 1) }), 400, "invalid_webhook_id");
    await problem(await postJson({ text: TEXT }, { id: "x".repeat(200_000) }), 400, "invalid_webhook_id");
    await problem(await postJson({ text: TEXT }, { id: "msg 1" }), 400, "invalid_webhook_id");
    expect(await rows()).toHaveLength(0);
    expect((await postJson({ text: TEXT }, { id: "y".repeat(MAX_WEBHOOK_ID) })).status).toBe(201);
  });
});

describe("finding 2: valid HTML is never a 5xx", () => {
  const html = (body: string, head = "") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
  const cases: [string, string, string][] = [
    ["a self-closed <svg/> between paragraphs", html("<p>财政收入12亿元</p><svg/><p>增长5%</p>"), "财政收入12亿元\n\n增长5%"],
    ["a self-closed <title/> in SVG", html('<svg viewBox="0 0 1 1"><title/></svg><p>财政收入12亿元</p>'), "财政收入12亿元"],
    ["a self-closed <style/> in SVG", html("<svg><style/><path d='M0 0'/></svg><p>财政收入12亿元</p>"), "财政收入12亿元"],
    ["MathML and CDATA in SVG", html("<math><mi/></math><svg><![CDATA[</svg><p>x]]></svg><p>财政收入12亿元</p>"), "财政收入12亿元"],
    ["an unclosed <svg>", html("<p>财政收入12亿元</p><svg><g>"), "财政收入12亿元"],
  ];
  for (const [what, page, text] of cases) {
    it(`${what} answers 201 and keeps the text`, async () => {
      const res = await post(page, { contentType: "text/html; charset=utf-8" });
      expect(res.status).toBe(201);
      expect((await rows())[0]).toMatchObject({ text, format: "html" });
    });
  }

  it("an SVG <title> never becomes the article's title", async () => {
    const page = html("<svg><title>图标说明</title><text>图中文字</text></svg><p>财政收入12亿元</p>", "<title>杜集区财政</title>");
    expect((await post(page, { contentType: "text/html; charset=utf-8" })).status).toBe(201);
    expect((await rows())[0]).toMatchObject({ text: "财政收入12亿元", meta_title: "杜集区财政" });
    await env.DB.exec("DELETE FROM articles");
    expect((await post(html("<svg><title>图标说明</title></svg><p>正文</p>"), { contentType: "text/html" })).status).toBe(201);
    expect((await rows())[0]).toMatchObject({ text: "正文", meta_title: null });
  });

  it("2 MB of nested tiny elements is stored, not a memory failure", async () => {
    for (const [open, close] of [["<b><i>", "</i></b>"], ["<nav>", "</nav>"]] as const) {
      const depth = Math.floor(2_000_000 / (open.length + close.length)); // just under the 2 MB body limit
      const page = `<p>财政收入12亿元</p>${open.repeat(depth)}<p>增长5%</p>${close.repeat(depth)}<p>完</p>`;
      expect(page.length).toBeGreaterThan(1_990_000);
      const res = await post(page, { contentType: "text/html; charset=utf-8" });
      expect(res.status).toBe(201);
      const [row] = await rows();
      expect(row!.text).toBe(open === "<nav>" ? "财政收入12亿元\n\n完" : "财政收入12亿元\n\n增长5%\n\n完");
      await env.DB.exec("DELETE FROM articles");
    }
  });

  it("markup with no text in it is a 400 empty_text problem, not a 5xx", async () => {
    await problem(await post(html("<svg><title/></svg><script>x</script><br>".repeat(1000)), { contentType: "text/html" }), 400, "empty_text");
  });
});

describe("finding 3: HTML → text is linear and cheap per element", () => {
  /** 2 MB hostile shapes: flat <br>, <p>x</p>, attribute-heavy tags, entities. */
  const SIZE = 2_000_000;
  const times = (unit: string) => Math.floor(SIZE / new TextEncoder().encode(unit).length);
  const fill = (unit: string) => unit.repeat(times(unit));
  const hostile: [string, string, (text: string) => void][] = [
    ["flat <br>", `<p>财政收入12亿元</p>${fill("<br>")}<p>完</p>`, (t) => expect(t).toBe("财政收入12亿元\n\n完")],
    ["<p>x</p>", fill("<p>x</p>"), (t) => expect(t.split("\n\n")).toHaveLength(times("<p>x</p>"))],
    ["attributes", fill('<span a="1" b=\'>\' c=d e>字</span>'), (t) => expect(t).toBe("字".repeat(times('<span a="1" b=\'>\' c=d e>字</span>')))],
    ["entities", fill("&amp;&#x5b57;&lt;"), (t) => expect(t).toBe("&字<".repeat(times("&amp;&#x5b57;&lt;")))],
    ["raw line breaks", `<p>财政收入12亿元${fill("\n \n\t")}增长5%</p>`, (t) => expect(t).toBe("财政收入12亿元\n\n增长5%")],
  ];
  for (const [what, page, check] of hostile) {
    it(`2 MB of ${what} is stored and its text shows in GET /v1/articles/:id once extracted`, async () => {
      const res = await post(page, { contentType: "text/html; charset=utf-8" });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: number };
      await eventually(async () => expect((await rows())[0]!.status).not.toBe("received"));
      const article = (await (await exports.default.fetch(`http://jiyao.test/v1/articles/${id}`)).json()) as { text: string; status: string };
      expect(article.status).toBe("extracted");
      check(article.text);
    });
  }

  it("follows HTML's tokenising rules where text extraction depends on them", () => {
    const { text, title } = htmlToText(
      `<title>A &amp; B</title><p title="x>y">一</p><!-- <p>注释</p> --><script>document.write("</p><p>脚本")</script>` +
        `<div>二<br>三<br><br>四</div><textarea><p>输入</p></textarea><p>a < b &lt; c</p><!DOCTYPE x><![CDATA[ z ]]>` +
        `<STYLE>p{}</STYLE><p>五</P>`,
    );
    expect(title).toBe("A & B");
    expect(text).toBe("一\n\n二 三\n\n四\n\na < b < c\n\n五");
  });

  it("closes skipped elements the way a browser would and ignores end tags of nothing open", () => {
    const cases: [string, string][] = [
      ["<nav><aside><p>导航</p></nav><p>正文</p>", "正文"], // </nav> closes the aside opened inside it
      ["<p>正文</p></nav></svg></select><p>续</p>", "正文\n\n续"], // end tags of nothing open are ignored
      ["<script>a</scripty>b</SCRIPT ><p>正文</p>", "正文"], // only </script> ends a script, in any case
      ["<p>正文</p><!-- 未闭合注释 <p>丢弃</p>", "正文"],
      ["<p hidden>一</p><p/>二<a href=x/>三</a>", "一\n\n二三"],
      ["<svg><foreignObject><p>图内</p></foreignObject></svg><p>正文</p>", "正文"],
      ["<math><annotation-xml><svg/></annotation-xml></math>正文", "正文"],
      // Table cells keep apart: a row of indicators reads as words, not one run of characters.
      ["<table><tr><th>指标</th><th>增速</th></tr><tr><td>地区生产总值</td><td>6.3%</td></tr></table>", "指标 增速\n\n地区生产总值 6.3%"],
    ];
    for (const [html, text] of cases) expect(htmlToText(html).text, html).toBe(text);
  });
});

describe("finding 6: every stored row fits D1's 2,000,000-byte limit", () => {
  it("stores a row of exactly the limit and refuses one byte more with 413 text_too_large", async () => {
    const probe = { text: "", encoding: "utf-8", declaredCharset: null, format: "json" as const, meta: { url: null, title: null, source: null, published: null, place: null } };
    const id = "msg_row_limit";
    const room = MAX_STORED_BYTES - storedBytes(id, probe);
    const over = await postJson({ text: "a".repeat(room + 1) }, { id });
    const doc = await problem(over, 413, "text_too_large");
    expect(doc).toMatchObject({ limit: MAX_STORED_BYTES, size: MAX_STORED_BYTES + 1 });
    expect(await rows()).toHaveLength(0);
    expect((await postJson({ text: "a".repeat(room) }, { id })).status).toBe(201);
    const r = await env.DB.prepare("SELECT length(CAST(text AS BLOB)) AS bytes FROM articles").first<{ bytes: number }>();
    expect(r!.bytes).toBe(room);
    expect(MAX_STORED_BYTES).toBeLessThan(2_000_000);
  });

  it("refuses a GBK body under the body limit whose UTF-8 text would pass D1's", async () => {
    const gbk = new Uint8Array(iconv.encode("财政收入".repeat(1_400_000 / 8), "gbk"));
    expect(gbk.length).toBeLessThan(2_097_152);
    await problem(await post(gbk, { contentType: "text/plain; charset=gbk" }), 413, "text_too_large");
    expect(await rows()).toHaveLength(0);
  });
});

describe("finding 7: a lying charset is not stored as mojibake", () => {
  it("decodes Big5 bytes labelled gbk as Big5 and records both charsets", async () => {
    const bytes = new Uint8Array(iconv.encode(TRADITIONAL, "big5"));
    expect(new TextDecoder("gbk", { fatal: true, ignoreBOM: false }).decode(bytes)).not.toBe(TRADITIONAL); // gbk accepts them: mojibake
    const res = await post(bytes, { contentType: "text/plain; charset=gbk" });
    expect(res.status).toBe(201);
    const { id, encoding } = (await res.json()) as { id: number; encoding: string };
    expect(encoding).toBe("big5");
    expect((await rows())[0]).toMatchObject({ text: TRADITIONAL, encoding: "big5", declared_charset: "gbk" });
    const shown = (await (await exports.default.fetch(`http://jiyao.test/v1/articles/${id}`)).json()) as Record<string, unknown>;
    expect(shown).toMatchObject({ encoding: "big5", declared_charset: "gbk" });
    // A corrected post of the same bytes under a new id is the same article, not a second one.
    const again = await post(bytes, { contentType: "text/plain; charset=big5" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate_of: id });
  });

  it("decodes GBK bytes under <meta charset=big5> as GB18030, whether or not they are also valid Big5", async () => {
    const validBig5 = (ch: string) => {
      try {
        new TextDecoder("big5", { fatal: true, ignoreBOM: false }).decode(iconv.encode(ch, "gbk"));
        return true;
      } catch {
        return false;
      }
    };
    const lying = [...SIMPLIFIED].filter(validBig5).join("");
    expect(lying.length).toBeGreaterThan(1000);
    for (const text of [lying, SIMPLIFIED]) {
      const page = `<html><head><meta charset=big5><title>标题</title></head><body><p>${text}</p></body></html>`;
      const res = await post(new Uint8Array(iconv.encode(page, "gbk")), { contentType: "text/html" });
      expect(res.status).toBe(201);
      const [row] = await rows();
      expect(row).toMatchObject({ encoding: "gb18030", declared_charset: "big5", meta_title: "标题" });
      expect((row!.text as string).replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      await env.DB.exec("DELETE FROM articles");
    }
  });

  it("keeps an honest declared charset, and a short text whose evidence is too thin", async () => {
    expect((await post(new Uint8Array(iconv.encode(SIMPLIFIED, "gbk")), { contentType: "text/plain; charset=gbk" })).status).toBe(201);
    expect((await rows())[0]).toMatchObject({ encoding: "gbk", declared_charset: "gbk" });
    await env.DB.exec("DELETE FROM articles");
    const short = new Uint8Array(iconv.encode("財政收入", "big5"));
    expect((await post(short, { contentType: "text/plain; charset=gbk" })).status).toBe(201);
    expect((await rows())[0]).toMatchObject({ encoding: "gbk", declared_charset: "gbk" });
  });
});

describe("finding 8: a page wrapped in <form> keeps its text", () => {
  it("skips the controls, not their containers", async () => {
    const page = `<body><form id=form1><div><p>杜集区财政收入12亿元</p></div><input name=q value="搜索"><select><option>选项一</option><option>选项二</select>` +
      `<button>提交</button><textarea>请输入</textarea><p>增长5%</p></form></body>`;
    const res = await post(page, { contentType: "text/html; charset=utf-8" });
    expect(res.status).toBe(201);
    expect((await rows())[0]).toMatchObject({ text: "杜集区财政收入12亿元\n\n增长5%" });
  });
});

describe("should-fix: encodings, surrogates, invisible characters, dates", () => {
  it("refuses a compressed body with 415 unsupported_encoding", async () => {
    await problem(await postJson({ text: TEXT }, { headers: { "content-encoding": "gzip" } }), 415, "unsupported_encoding");
    await problem(await postJson({ text: TEXT }, { headers: { "content-encoding": "br" } }), 415, "unsupported_encoding");
    expect(await rows()).toHaveLength(0);
    expect((await postJson({ text: TEXT }, { headers: { "content-encoding": "identity" } })).status).toBe(201);
  });

  it("refuses lone surrogates in the text and the metadata", async () => {
    expect(JSON.stringify({ text: "财政\ud800收入" })).toContain("\\ud800");
    expect(await problem(await postJson({ text: "财政\ud800收入" }), 400, "malformed")).toMatchObject({ parameter: "text" });
    expect(await problem(await postJson({ text: TEXT, place: "杜集\udc00区" }), 400, "malformed")).toMatchObject({ parameter: "place" });
    expect(await rows()).toHaveLength(0);
    expect((await postJson({ text: "财政收入𠮶12亿元" })).status).toBe(201); // a real pair is text
  });

  it("removes bidi overrides and zero-width characters, so they make neither look-alike places nor new articles", async () => {
    const first = await postJson({ text: TEXT, place: "杜集\u202e区", title: "标\u200b题" });
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: number };
    expect((await rows())[0]).toMatchObject({ meta_place: "杜集区", meta_title: "标题", text: TEXT });
    const disguised = TEXT.replace(/。/g, "。\u200b\u2066").replace(/区/g, "\u202d区\u202c");
    const again = await postJson({ text: disguised });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate_of: id });
  });

  it("accepts only real calendar dates in published", async () => {
    for (const bad of ["2024-99-99", "2024-02-30", "2023-02-29", "2024-13-01", "2024-05-01T25:00", "2024-05-01T08:60", "2024-05-01T08:00+15:00"]) {
      expect(await problem(await postJson({ text: TEXT, published: bad }), 400, "malformed"), bad).toMatchObject({ parameter: "published" });
    }
    expect(await rows()).toHaveLength(0);
    expect((await postJson({ text: TEXT, published: "2024-02-29T23:59:59+08:00" })).status).toBe(201);
  });
});
