/**
 * Ingest and pipeline figures:
 *  - CPU time of the POST /v1/articles work for a 20 KB JSON article. "handler" = the Worker's
 *    own steps (read body, verify signature, decode, parse, hash) run in Node 22; "request" =
 *    the whole hono request including the D1 insert and queue send through wrangler's local
 *    proxy, whose client-side serialisation is counted too (an upper bound: on Cloudflare, I/O
 *    wait is not CPU time). Goal: well inside the Workers free plan's 10 ms CPU.
 *  - Rows written per second by the consumer's step (extract + one D1 batch per article).
 */
import { createHmac } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { app } from "../../src/app.ts";
import { readBody } from "../../src/ingest/body.ts";
import { parseArticle } from "../../src/ingest/parse.ts";
import { parseSecrets, verifySignature } from "../../src/ingest/signature.ts";
import { normaliseForHash } from "../../src/ingest/store.ts";
import { extractArticle } from "../../src/pipeline/extract-article.ts";
import { localPlatform } from "../lib/local-d1.ts";
import { percentile } from "../lib/stats.ts";

const SECRET = "whsec_YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldC0wMQ==";
const REQUESTS = 200;
const CONSUMED = 60;

const CORPUS_TEXT = readdirSync("test/fixtures/corpus")
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(`test/fixtures/corpus/${f}`, "utf8"))
  .join("\n\n");

/** A distinct ~20 KB (UTF-8) article made of corpus text. */
function article20k(n: number): string {
  let end = 0;
  for (let bytes = 0; bytes < 20_000 && end < CORPUS_TEXT.length; end++) bytes += CORPUS_TEXT.charCodeAt(end) < 0x80 ? 1 : 3;
  return `第${n}篇\n\n${CORPUS_TEXT.slice(0, end)}`;
}

function signed(body: string, id: string): Request {
  const ts = Math.floor(Date.now() / 1000);
  const key = Buffer.from(SECRET.slice(6), "base64");
  const sig = createHmac("sha256", key).update(`${id}.${ts}.${body}`).digest("base64");
  return new Request("http://bench.local/v1/articles", {
    method: "POST",
    headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(ts), "webhook-signature": `v1,${sig}` },
    body,
  });
}

function ms(c: NodeJS.CpuUsage): number {
  return (c.user + c.system) / 1000;
}

/** The Worker's own CPU work for one ingest, without the storage I/O. */
async function handlerSteps(req: Request): Promise<void> {
  const body = await readBody(req, 2_097_152);
  const sig = { id: req.headers.get("webhook-id"), timestamp: req.headers.get("webhook-timestamp"), signature: req.headers.get("webhook-signature") };
  if (!(await verifySignature(sig, body, parseSecrets(SECRET)))) throw new Error("signature");
  const article = parseArticle(body, req.headers.get("content-type"), new URLSearchParams());
  await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normaliseForHash(article.text)));
  await crypto.subtle.digest("SHA-256", body);
}

export default async function run(): Promise<void> {
  const platform = await localPlatform({ WEBHOOK_SECRETS: SECRET, MAX_BODY_BYTES: "2097152" } as Partial<Env>);
  const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
  try {
    const steps: number[] = [];
    for (let i = 0; i < REQUESTS + 20; i++) {
      const req = signed(JSON.stringify({ text: article20k(i) }), `steps-${i}`);
      const c0 = process.cpuUsage();
      await handlerSteps(req);
      if (i >= 20) steps.push(ms(process.cpuUsage(c0)));
    }
    steps.sort((a, b) => a - b);
    const cpu: number[] = [];
    const wall: number[] = [];
    const ids: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS + 20; i++) {
      const body = JSON.stringify({ text: article20k(i), place: "杜集区" });
      bytes = new TextEncoder().encode(body).length;
      const req = signed(body, `bench-${i}`);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const res = await app.fetch(req, platform.env, ctx);
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      if (res.status !== 201) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      ids.push(((await res.json()) as { id: number }).id);
      if (i >= 20) {
        // the first 20 warm the JIT and the proxy connection
        cpu.push(ms(c1));
        wall.push(t1 - t0);
      }
    }
    cpu.sort((a, b) => a - b);
    wall.sort((a, b) => a - b);
    console.log(`ingest ${REQUESTS} × ${(bytes / 1024).toFixed(1)} KB JSON, handler CPU (no I/O): p50 ${percentile(steps, 50).toFixed(2)} ms, p95 ${percentile(steps, 95).toFixed(2)} ms (goal: well under 10 ms)`);
    console.log(`ingest ${REQUESTS} × ${(bytes / 1024).toFixed(1)} KB JSON, whole request via local D1 proxy: CPU p50 ${percentile(cpu, 50).toFixed(2)} ms, p95 ${percentile(cpu, 95).toFixed(2)} ms; wall p50 ${percentile(wall, 50).toFixed(2)} ms, p95 ${percentile(wall, 95).toFixed(2)} ms`);

    const t0 = performance.now();
    for (const id of ids.slice(0, CONSUMED)) {
      const result = await extractArticle(platform.env.DB, id);
      if (result.status === "failed") throw new Error(`article ${id}: ${result.failure.code}\n${result.failure.detail}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const count = await platform.env.DB.prepare(
      "SELECT (SELECT count(*) FROM figures) + (SELECT count(*) FROM goals) + (SELECT count(*) FROM goal_figures) + (SELECT count(*) FROM article_places) + (SELECT count(*) FROM article_search) AS n",
    ).first<{ n: number }>();
    const rows = count?.n ?? 0;
    console.log(`consumer: ${CONSUMED} articles extracted and written in ${seconds.toFixed(2)} s: ${(rows / seconds).toFixed(0)} rows/s (${(rows / CONSUMED).toFixed(0)} rows per article, one D1 batch each)`);
  } finally {
    await platform.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
