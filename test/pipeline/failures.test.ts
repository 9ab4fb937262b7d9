/**
 * A stage of the extractor that throws fails the extraction: the article turns `failed` with a
 * stable code, the queue retries it, and the dead-letter consumer keeps the last real error and
 * the article's own attempt count. Warnings (capped or skipped input) are stored and served.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION, extract, STAGES } from "../../src/extract";
import { handleQueue } from "../../src/pipeline/consumer";
import type { Extractor } from "../../src/pipeline/extract-article";
import type { ExtractMessage } from "../../src/pipeline/messages";
import { CORPUS } from "../helpers/corpus";
import { SETTLE_MS } from "../helpers/wait";

const A001 = CORPUS.find((a) => a.name.startsWith("001"))!;

/** The reproduction: the figures stage throws on any text containing 亿. */
const throwsOnYi: Extractor = (text) =>
  extract(text, {
    ...STAGES,
    findFigures: (body, clean) => {
      if (body.includes("亿")) throw new TypeError("injected: cannot read 亿");
      return STAGES.findFigures(body, clean);
    },
  });

async function insert(text: string): Promise<number> {
  const r = await env.DB.prepare(
    "INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, received_at) VALUES (?, ?, ?, ?, 'utf-8', 'plain', 0) RETURNING id",
  )
    .bind(crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID(), text)
    .first<{ id: number }>();
  return r!.id;
}

async function deliver(queue: string, articleId: number, attempts: number, extractor?: Extractor) {
  const batch = createMessageBatch<ExtractMessage>(queue, [{ id: `m-${queue}-${attempts}`, timestamp: new Date(0), attempts, body: { articleId } }]);
  const ctx = createExecutionContext();
  await handleQueue(batch, env, ctx, extractor);
  return getQueueResult(batch, ctx);
}

async function served(id: number) {
  const res = await exports.default.fetch(`http://jiyao.test/v1/articles/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

beforeEach(async () => {
  await env.DB.exec("DELETE FROM articles");
});

describe("a failing extractor stage", { timeout: SETTLE_MS }, () => {
  it("is reported by extract() as an error, not a warning", () => {
    const s = throwsOnYi(A001.text);
    expect(s.errors).toEqual([{ stage: "figures", message: "TypeError: injected: cannot read 亿" }]);
    expect(s.warnings.join(" ")).not.toContain("injected");
    expect(extract(A001.text).errors).toEqual([]);
  });

  it("fails the article with a stable code, is retried, and recovers with the real extractor", async () => {
    const id = await insert(A001.text);
    const first = await deliver("jiyao-extract", id, 1, throwsOnYi);
    expect(first.explicitAcks).toHaveLength(0);
    expect(first.retryMessages).toHaveLength(1);
    const a = await served(id);
    expect(a).toMatchObject({ status: "failed", error_code: "extraction_failed", error: "The extractor failed (stage: figures).", attempts: 1, figure_count: 0 });
    const row = await env.DB.prepare("SELECT error_detail FROM articles WHERE id = ?").bind(id).first<{ error_detail: string }>();
    expect(row!.error_detail).toBe("figures: TypeError: injected: cannot read 亿");

    const second = await deliver("jiyao-extract", id, 2, throwsOnYi);
    expect(second.retryMessages).toHaveLength(1);
    expect(await served(id)).toMatchObject({ status: "failed", attempts: 2 });

    const fixed = await deliver("jiyao-extract", id, 3);
    expect(fixed.explicitAcks).toHaveLength(1);
    const ok = await served(id);
    expect(ok).toMatchObject({ status: "extracted", error: null, error_code: null, extractor_version: EXTRACTOR_VERSION });
    expect(ok.figure_count).toBeGreaterThan(40);
  });

  it("keeps an earlier good summary served when a re-extraction fails", async () => {
    const id = await insert(A001.text);
    expect((await deliver("jiyao-extract", id, 1)).explicitAcks).toHaveLength(1);
    const before = (await served(id)).figure_count;
    await env.DB.prepare("UPDATE articles SET extractor_version = ? WHERE id = ?").bind(EXTRACTOR_VERSION - 1, id).run();
    expect((await deliver("jiyao-extract", id, 1, throwsOnYi)).retryMessages).toHaveLength(1);
    expect(await served(id)).toMatchObject({ status: "extracted", error_code: "extraction_failed", attempts: 1, figure_count: before, extractor_version: EXTRACTOR_VERSION - 1 });
  });
});

describe("the dead-letter consumer", { timeout: SETTLE_MS }, () => {
  it("keeps the last real error and the article's own attempt count after the retries", async () => {
    const id = await insert(A001.text);
    // The main queue's six deliveries (first try + max_retries = 5), all failing.
    for (let attempt = 1; attempt <= 6; attempt++) await deliver("jiyao-extract", id, attempt, throwsOnYi);
    // The dead-letter queue's own message counts its own deliveries (1), not the article's.
    const dlq = await deliver("jiyao-extract-dlq", id, 1);
    expect(dlq.explicitAcks).toHaveLength(1);
    const a = await served(id);
    expect(a).toMatchObject({ status: "failed", attempts: 6, error_code: "extraction_failed" });
    expect(a.error).toBe("Gave up after 6 failed attempt(s). Last error: The extractor failed (stage: figures).");
    // A redelivered dead letter changes nothing.
    await deliver("jiyao-extract-dlq", id, 2);
    expect((await served(id)).error).toBe(a.error);
    const row = await env.DB.prepare("SELECT error_detail FROM articles WHERE id = ?").bind(id).first<{ error_detail: string }>();
    expect(row!.error_detail).toContain("injected");
  });

  it("says so when no attempt recorded an error (the Worker was stopped)", async () => {
    const id = await insert(A001.text);
    await deliver("jiyao-extract-dlq", id, 1);
    expect(await served(id)).toMatchObject({ status: "failed", attempts: 0, error_code: "internal" });
    expect((await served(id)).error).toMatch(/^Gave up: the queue's retries ran out without an attempt recording an error/);
  });
});

describe("warnings", { timeout: SETTLE_MS }, () => {
  it("are stored with the summary and shown on the article", async () => {
    const para = "杜集区财政收入12亿元，同比增长8.5%，力争到2025年新增企业20家。";
    const id = await insert(`${para}\n其他内容。\n${para}`);
    expect(extract(`${para}\n其他内容。\n${para}`).warnings).toContain("skipped 1 repeated paragraph(s)");
    expect((await deliver("jiyao-extract", id, 1)).explicitAcks).toHaveLength(1);
    const a = await served(id);
    expect(a).toMatchObject({ status: "extracted", warnings: ["skipped 1 repeated paragraph(s)"] });
    const page = await (await exports.default.fetch(`http://jiyao.test/articles/${id}`)).text();
    expect(page).toContain("skipped 1 repeated paragraph(s)");
  });
});
