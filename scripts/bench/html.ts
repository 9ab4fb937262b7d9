/**
 * HTML ingest figures: CPU of the webhook's own work (read body, verify signature, decode, HTML →
 * text, row-size check, hashes; no I/O) for 2 MB hostile pages (nested elements, flat `<br>`,
 * `<p>x</p>`, attribute-heavy tags, character references, self-closed SVG, raw line breaks) and a typical 100 KB
 * page, and of the consumer's own work for the same article (the pure extractor over the text).
 * The converter is plain JavaScript, so Node's V8 measures the same code the Worker runs.
 * Goal: the Workers free plan's 10 ms of CPU per invocation for typical pages; hostile pages stay
 * linear in their bytes (see README "Workers plan and sizes").
 */
import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readBody } from "../../src/ingest/body.ts";
import { parseArticle } from "../../src/ingest/parse.ts";
import { parseSecrets, verifySignature } from "../../src/ingest/signature.ts";
import { checkStorable, normaliseForHash } from "../../src/ingest/store.ts";
import { extract } from "../../src/extract/index.ts";

const SECRET = "whsec_YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldC0wMQ==";
const SIZE = 2_000_000;
const RUNS = 5;

const CORPUS = readdirSync("test/fixtures/corpus")
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(`test/fixtures/corpus/${f}`, "utf8"));

const bytesOf = (s: string) => new TextEncoder().encode(s).length;
const fill = (unit: string) => unit.repeat(Math.floor(SIZE / bytesOf(unit)));

/** A realistic government news page of about 100 KB: chrome, scripts, styles and the article's paragraphs. */
function typicalPage(): string {
  const nav = Array.from({ length: 120 }, (_, i) => `<li class="nav-item"><a href="/channel/${i}.html" target="_blank" title="栏目${i}">栏目${i}</a></li>`).join("");
  const chrome = `<head><meta charset="utf-8"><title>杜集区2024年政府工作报告</title><link rel="stylesheet" href="/a.css">
    <style>${".x{color:red}".repeat(300)}</style><script>${"var a=1;".repeat(600)}</script></head>`;
  let body = "";
  for (const text of CORPUS) {
    for (const p of text.split(/\n+/)) body += `<p style="text-indent:2em;line-height:1.8"><span class="txt">${p.replace(/[&<]/g, (c) => (c === "&" ? "&amp;" : "&lt;"))}</span></p>\n`;
    if (bytesOf(body) > 60_000) break;
  }
  const page = `<!doctype html><html>${chrome}<body><div id="header"><nav><ul>${nav}</ul></nav></div><form id="form1"><div class="main"><h1>杜集区2024年政府工作报告</h1>${body}</div></form>` +
    `<footer>${"<p>版权所有 主办单位 联系电话</p>".repeat(20)}</footer><script>${"track();".repeat(300)}</script></body></html>`;
  return page;
}

function request(body: string, id: string): Request {
  const ts = Math.floor(Date.now() / 1000);
  const key = Buffer.from(SECRET.slice(6), "base64");
  const sig = createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
  return new Request("http://bench.local/v1/articles", {
    method: "POST",
    headers: { "content-type": "text/html; charset=utf-8", "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": `v1,${sig}` },
    body,
  });
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

/** The webhook's own CPU for one HTML post (everything but the D1 insert and queue send); returns the text. */
async function ingestSteps(req: Request, id: string): Promise<string> {
  const body = await readBody(req, 2_097_152);
  const sig = { id, timestamp: req.headers.get("webhook-timestamp"), signature: req.headers.get("webhook-signature") };
  if (!(await verifySignature(sig, body, parseSecrets(SECRET)))) throw new Error("signature");
  const article = parseArticle(body, req.headers.get("content-type"), new URLSearchParams());
  checkStorable(id, article);
  await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normaliseForHash(article.text)));
  await crypto.subtle.digest("SHA-256", body);
  return article.text;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function run(): Promise<void> {
  const cases: [string, string][] = [
    ["typical page", typicalPage()],
    ["nested <b><i>", `<p>财政收入12亿元</p>${"<b><i>".repeat(SIZE / 14)}<p>增长5%</p>${"</i></b>".repeat(SIZE / 14)}`],
    ["nested <nav>", `<p>财政收入12亿元</p>${"<nav>".repeat(SIZE / 11)}${"</nav>".repeat(SIZE / 11)}`],
    ["flat <br>", `<p>财政收入12亿元</p>${fill("<br>")}`],
    ["<p>x</p>", fill("<p>x</p>")],
    ["attributes", fill('<span a="1" b=\'>\' c=d e data-x="&amp;">字</span>')],
    ["entities", fill("&amp;&#x5b57;&lt;&nbsp;")],
    ["self-closed SVG", fill("<p>字</p><svg/><svg><title/></svg>")],
    ["raw line breaks", `<p>财政收入12亿元${fill("\n \n\t")}增长5%</p>`],
  ];
  for (let i = 0; i < 3; i++) await ingestSteps(request(cases[0]![1], `warm-${i}`), `warm-${i}`); // JIT warm-up
  for (const [name, page] of cases) {
    const ingest: number[] = [];
    const consumer: number[] = [];
    let text = "";
    for (let r = 0; r < RUNS; r++) {
      const id = `bench-${name}-${r}`;
      const req = request(page, id);
      const c0 = process.cpuUsage();
      text = await ingestSteps(req, id);
      ingest.push(cpuMs(process.cpuUsage(c0)));
      const c1 = process.cpuUsage();
      extract(text);
      consumer.push(cpuMs(process.cpuUsage(c1)));
    }
    const kb = bytesOf(page) / 1024;
    console.log(
      `html ${name.padEnd(16)} ${kb.toFixed(0).padStart(5)} KB → ${(bytesOf(text) / 1024).toFixed(0).padStart(5)} KB text: ` +
        `ingest CPU ${median(ingest).toFixed(1)} ms (${(median(ingest) / kb * 1000).toFixed(0)} µs/KB), consumer extract CPU ${median(consumer).toFixed(1)} ms (median of ${RUNS})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
