import { env, exports } from "cloudflare:workers";
import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { advanceClock, BEFORE_MIDNIGHT, nowSeconds, setClock } from "../helpers/clock";
import { CORPUS } from "../helpers/corpus";
import { OLD_SECRET, post, postJson, signatureHeaders, WRONG_SECRET } from "../helpers/webhook";

const TEXT = CORPUS[1]!.text;

/** The text without the characters the charset cannot encode (e.g. U+00A0, pinyin tone marks in Big5). */
function encodable(text: string, charset: string): string {
  return [...text].filter((ch) => iconv.decode(iconv.encode(ch, charset), charset) === ch).join("");
}

async function rows() {
  const r = await env.DB.prepare("SELECT id, webhook_id, text, encoding, format, status, meta_title, meta_place, url FROM articles ORDER BY id").all();
  return r.results;
}

async function problem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.title).toBe("string");
  expect(typeof body.detail).toBe("string");
  return body;
}

beforeEach(async () => {
  await env.DB.exec("DELETE FROM articles");
});

describe("POST /v1/articles: signatures", () => {
  it("accepts a valid signature, stores the raw text first and answers 201", async () => {
    const res = await postJson({ text: TEXT, title: "标题", place: "杜集区", url: "https://example.gov.cn/a/1.html" }, { id: "msg_valid" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; status: string };
    expect(body.status).toBe("received");
    expect(res.headers.get("location")).toBe(`/v1/articles/${body.id}`);
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: body.id, webhook_id: "msg_valid", text: TEXT, encoding: "utf-8", format: "json", meta_title: "标题", meta_place: "杜集区", url: "https://example.gov.cn/a/1.html" });
  });

  it("accepts a signature made with the previous secret (rotation)", async () => {
    expect((await postJson({ text: TEXT }, { secret: OLD_SECRET })).status).toBe(201);
    expect(await rows()).toHaveLength(1);
  });

  it("accepts several space-separated signatures when one verifies", async () => {
    const body = JSON.stringify({ text: TEXT });
    const good = (await signatureHeaders(body, { id: "msg_multi", timestamp: 1_900_000_000 }))["webhook-signature"];
    const ts = nowSeconds();
    const real = (await signatureHeaders(body, { id: "msg_multi", timestamp: ts }))["webhook-signature"];
    const res = await post(body, { id: "msg_multi", timestamp: ts, signature: `v1,AAAA ${good} ${real}` });
    expect(res.status).toBe(201);
  });

  it("refuses a tampered body", async () => {
    const body = JSON.stringify({ text: TEXT });
    const headers = await signatureHeaders(body);
    const res = await post(JSON.stringify({ text: TEXT + "。" }), { id: headers["webhook-id"], signature: headers["webhook-signature"] });
    await problem(res, 401, "bad_signature");
    expect(await rows()).toHaveLength(0);
  });

  it("refuses an unknown secret", async () => {
    await problem(await postJson({ text: TEXT }, { secret: WRONG_SECRET }), 401, "bad_signature");
    expect(await rows()).toHaveLength(0);
  });

  it("accepts timestamps within 300 s of its clock and refuses one second more, on either side of a second boundary", async () => {
    // The Worker reads the test's clock (helpers/clock.ts): each timestamp is computed from the
    // clock when the request is sent, so a second ticking between two posts cannot move a case
    // across the window's edge. At x.999 and at the next x.000 the answers are the same.
    setClock(BEFORE_MIDNIGHT);
    for (const step of [0, 1]) {
      advanceClock(step);
      for (const [offset, accepted] of [[-301, false], [301, false], [-300, true], [300, true], [-250, true]] as const) {
        const res = await postJson({ text: `${TEXT}\n${step}:${offset}` }, { timestamp: nowSeconds() + offset });
        if (accepted) expect(res.status, `offset ${offset} s at ${new Date(Date.now()).toISOString()}`).toBe(201);
        else await problem(res, 401, "stale_timestamp");
      }
    }
    expect(await rows()).toHaveLength(6);
  });

  it("judges a signature by the clock when the request arrives, not when it was made", async () => {
    setClock(BEFORE_MIDNIGHT);
    const headers = await signatureHeaders(JSON.stringify({ text: TEXT }));
    const send = () =>
      exports.default.fetch("http://jiyao.test/v1/articles", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ text: TEXT }) });
    advanceClock(300_000); // still within the window, to the millisecond (300.000 s after signing)
    expect((await send()).status).toBe(201);
    advanceClock(1_000); // a delivery retried a second later is past it, even as a replay
    await problem(await send(), 401, "stale_timestamp");
  });

  it("refuses missing headers", async () => {
    const r = await exports.default.fetch("http://jiyao.test/v1/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: TEXT }),
    });
    await problem(r, 401, "missing_signature");
    expect(await rows()).toHaveLength(0);
  });
});

describe("POST /v1/articles: idempotency and deduplication", () => {
  it("answers a replayed webhook-id with the original id and writes nothing", async () => {
    const first = await postJson({ text: TEXT }, { id: "msg_replay" });
    const { id } = (await first.json()) as { id: number };
    const again = await postJson({ text: TEXT }, { id: "msg_replay" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id, replay: true });
    expect(await rows()).toHaveLength(1);
  });

  it("answers the same text under a new id with duplicate_of and writes nothing", async () => {
    const { id } = (await (await postJson({ text: TEXT })).json()) as { id: number };
    // Re-wrapped and full-width-spaced copy of the same article is the same content.
    const res = await postJson({ text: `  ${TEXT.replace(/\n\n/g, "\n")}\n` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ duplicate_of: id });
    expect(await rows()).toHaveLength(1);
  });

  it("stores one row for concurrent posts of the same text", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => postJson({ text: CORPUS[2]!.text })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as { id?: number; duplicate_of?: number }).id)));
    expect(ids.size).toBe(1);
    expect(await rows()).toHaveLength(1);
  });
});

describe("POST /v1/articles: bodies and charsets", () => {
  for (const charset of ["gbk", "gb18030", "big5"]) {
    it(`round-trips a ${charset} body exactly (declared and detected)`, async () => {
      // Big5 has no simplified characters: use the traditional seed article for it.
      const text = encodable(charset === "big5" ? CORPUS[4]!.text : TEXT, charset);
      expect(text.length).toBeGreaterThan(2000);
      const bytes = new Uint8Array(iconv.encode(text, charset));
      const declared = await post(bytes, { contentType: `text/plain; charset=${charset}` });
      expect(declared.status).toBe(201);
      await env.DB.exec("DELETE FROM articles");
      const detected = await post(bytes, { contentType: "text/plain" });
      expect(detected.status).toBe(201);
      const [row] = await rows();
      expect(row!.text).toBe(text);
      expect(row!.encoding).toBe(charset === "big5" ? "big5" : "gb18030");
    });
  }

  it("honours a UTF-8 byte-order mark", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect((await post(bytes, { contentType: "text/plain" })).status).toBe(201);
    expect((await rows())[0]!.text).toBe(TEXT);
  });

  it("turns HTML into paragraphs, dropping scripts, styles and navigation", async () => {
    const html = `<!doctype html><html><head><meta charset="gbk"><title>财政收入 &amp; 新闻</title><style>p{color:red}</style></head>
      <body><nav><a href="/">首页</a> 导航</nav><h1>标题一</h1><p>第一段：财政收入12亿元。</p><script>alert("x")</script>
      <div>第二段<br>换行</div><footer>版权所有</footer></body></html>`;
    const res = await post(new Uint8Array(iconv.encode(html, "gbk")), { contentType: "text/html", query: { place: "杜集区" } });
    expect(res.status).toBe(201);
    const [row] = await rows();
    expect(row).toMatchObject({ text: "标题一\n\n第一段：财政收入12亿元。\n\n第二段 换行", format: "html", encoding: "gbk", meta_title: "财政收入 & 新闻", meta_place: "杜集区" });
  });

  it("refuses a body over the size limit before storing", async () => {
    const big = JSON.stringify({ text: "字".repeat(800_000) });
    await problem(await post(big), 413, "payload_too_large");
    expect(await rows()).toHaveLength(0);
  });

  it("refuses bad JSON, a missing and an empty text, and bad metadata", async () => {
    await problem(await post("{not json"), 400, "malformed");
    await problem(await postJson({ title: "x" }), 400, "malformed");
    await problem(await postJson({ text: "   \n " }), 400, "empty_text");
    await problem(await postJson([1, 2]), 400, "malformed");
    expect(await problem(await postJson({ text: TEXT, published: "yesterday" }), 400, "malformed")).toMatchObject({ parameter: "published" });
    expect(await problem(await postJson({ text: TEXT, url: "javascript:alert(1)" }), 400, "malformed")).toMatchObject({ parameter: "url" });
    expect(await problem(await postJson({ text: TEXT, place: "<svg onload=alert(3)>" }), 400, "malformed")).toMatchObject({ parameter: "place" });
    expect(await problem(await postJson({ text: TEXT, title: "标题\u0001" }), 400, "malformed")).toMatchObject({ parameter: "title" });
    expect(await rows()).toHaveLength(0);
  });

  it("refuses unsupported types and charsets, and undecodable bytes", async () => {
    await problem(await post(TEXT, { contentType: "application/xml" }), 415, "unsupported_media_type");
    await problem(await post(TEXT, { contentType: "text/plain; charset=shift_jis" }), 415, "unsupported_charset");
    await problem(await post(new Uint8Array([0xe4, 0xbd, 0xa0, 0xff, 0xfe, 0x41]), { contentType: "text/plain; charset=utf-8" }), 422, "undecodable_text");
    await problem(await post(new Uint8Array([0x81, 0x20, 0xff, 0xff, 0x80]), { contentType: "text/plain" }), 422, "undecodable_text");
    expect(await rows()).toHaveLength(0);
  });
});
