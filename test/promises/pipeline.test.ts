/**
 * Promise links through the real pipeline: report pairs (test/fixtures/promises) signed and
 * posted to the webhook, extracted by the real queue consumer into the local D1. The links must
 * be written before an article leaves `received`, and be the same whatever the posting order,
 * after replays and after re-extraction.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION, extract } from "../../src/extract";
import worker from "../../src/index";
import { storeSummary } from "../../src/pipeline/store";
import { promiseStatements, settleLinks } from "../../src/promises/store";
import type { ExtractMessage } from "../../src/pipeline/messages";
import t2015 from "../fixtures/promises/保定市_2015.txt?raw";
import t2016 from "../fixtures/promises/保定市_2016.txt?raw";
import { eventually, SETTLE_MS } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { GOLD_PAIRS } from "./gold";

const GOLD = GOLD_PAIRS.find((g) => g.file === "保定市_2015_2016")!;

async function postAndWait(text: string, id: string): Promise<number> {
  const res = await postJson({ text }, { id });
  expect(res.status).toBe(201);
  const { id: articleId } = (await res.json()) as { id: number };
  await eventually(async () => {
      const row = await env.DB.prepare("SELECT status FROM articles WHERE id = ?").bind(articleId).first<{ status: string }>();
      expect(row!.status).toBe("extracted");
    });
  return articleId;
}

/** Every stored promise with its target and outcome figures, in a form independent of row ids. */
async function promiseRows() {
  const r = await env.DB.prepare(
    `SELECT p.id, p.place, p.period, p.metric, p.direction, p.verdict, t.text AS target, t.value AS target_value,
            o.text AS outcome, o.value AS outcome_value, p.evidence
       FROM promises p
       JOIN figures t ON t.article_id = p.target_article_id AND t.seq = p.target_seq
       LEFT JOIN figures o ON o.article_id = p.outcome_article_id AND o.seq = p.outcome_seq
      ORDER BY t.start`,
  ).all<Record<string, unknown>>();
  return r.results;
}
const withoutIds = (rows: Record<string, unknown>[]) => rows.map(({ id: _id, ...rest }) => rest);

async function deliver(...bodies: ExtractMessage[]) {
  const batch = createMessageBatch<ExtractMessage>(
    "jiyao-extract",
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(0), attempts: 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  return getQueueResult(batch, ctx);
}

beforeEach(async () => {
  await env.DB.exec("DELETE FROM articles");
});

describe("promise links in the pipeline", { timeout: 4 * SETTLE_MS }, () => {
  it("links the 2015 targets to the 2016 report's review with the gold outcomes and verdicts", async () => {
    await postAndWait(t2015, "bd-2015");
    const pending = await promiseRows();
    expect(pending.map((p) => p.verdict)).toEqual(GOLD.promises.map(() => "pending"));

    await postAndWait(t2016, "bd-2016");
    const rows = (await promiseRows()).filter((p) => p.period === GOLD.period);
    expect(rows).toHaveLength(GOLD.promises.length);
    GOLD.promises.forEach((g, i) => {
      expect(rows[i], g.id).toMatchObject({ place: "130600", target_value: g.target_value, outcome_value: g.outcome_value, verdict: g.verdict_strict, direction: g.direction });
    });
    // The 2016 report's own plan is a promise for 2016, still open.
    expect((await promiseRows()).filter((p) => p.period === "2016").every((p) => p.verdict === "pending")).toBe(true);
  });

  it("gives the same promises when the outcome report arrives first", async () => {
    await postAndWait(t2015, "a-2015");
    await postAndWait(t2016, "a-2016");
    const forward = withoutIds(await promiseRows());
    await env.DB.exec("DELETE FROM articles");
    await postAndWait(t2016, "b-2016");
    await postAndWait(t2015, "b-2015");
    expect(withoutIds(await promiseRows())).toEqual(forward);
    expect(forward.filter((p) => p.verdict === "met" || p.verdict === "missed")).toHaveLength(GOLD.promises.length);
  });

  it("changes nothing on replays, the same text under a new id, or re-extraction", async () => {
    const a = await postAndWait(t2015, "c-2015");
    const b = await postAndWait(t2016, "c-2016");
    const before = await promiseRows();
    expect((await postJson({ text: t2016 }, { id: "c-2016" })).status).toBe(200);
    expect((await postJson({ text: t2016 }, { id: "c-2016-again" })).status).toBe(200);
    const result = await deliver({ articleId: b, force: true }, { articleId: a, force: true }, { articleId: b, force: true });
    expect(result.explicitAcks).toHaveLength(3);
    expect(await promiseRows()).toEqual(before);
    const counts = await env.DB.prepare("SELECT (SELECT count(*) FROM promises) AS p, (SELECT count(*) FROM promise_figures) AS f, (SELECT count(*) FROM promise_coverage) AS c").first();
    await deliver({ articleId: a, force: true });
    expect(await env.DB.prepare("SELECT (SELECT count(*) FROM promises) AS p, (SELECT count(*) FROM promise_figures) AS f, (SELECT count(*) FROM promise_coverage) AS c").first()).toEqual(counts);
  });

  it("relinks when another article wrote into its groups between its reads and its batch", async () => {
    await postAndWait(t2015, "r-2015");
    await postAndWait(t2016, "r-2016");
    const sequential = withoutIds(await promiseRows());
    await env.DB.exec("DELETE FROM articles");

    // Two consumers at once: the 2015 report plans its links, the 2016 report is extracted
    // meanwhile (before it can see the 2015 figures), then the 2015 report's batch runs.
    const row = await env.DB.prepare(
      "INSERT INTO articles (webhook_id, content_hash, raw_hash, text, encoding, format, received_at) VALUES ('race', 'race', 'race', ?, 'utf-8', 'plain', 0) RETURNING id",
    )
      .bind(t2015)
      .first<{ id: number }>();
    const summary = extract(t2015);
    const article = { id: row!.id, text: t2015, published: summary.published, mainPlace: null };
    const plan = await promiseStatements(env.DB, article, summary, 0);
    await postAndWait(t2016, "race-2016");
    await storeSummary(env.DB, { id: row!.id, text: t2015, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null }, summary, EXTRACTOR_VERSION, plan.statements);
    const stale = withoutIds(await promiseRows());
    expect(stale).not.toEqual(sequential);
    expect(await settleLinks(env.DB, article, summary, plan, 0)).toBe(true);
    expect(withoutIds(await promiseRows())).toEqual(sequential);
    // Settled: a second check finds nothing new.
    expect(await settleLinks(env.DB, article, summary, await promiseStatements(env.DB, article, summary, 0), 0)).toBe(false);
  });
});
