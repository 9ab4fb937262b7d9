/**
 * Figures keep only their sentence's span (drizzle/0007); the read layer cuts the sentence from
 * the article's text. Every list and the article summary answer each figure's sentence exactly as
 * the extractor gave it, including after characters outside the BMP (UTF-16 pairs, one character
 * to SQLite).
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticleSummary, listFigures, listGoals } from "../../src/db/queries";
import { extract } from "../../src/extract";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

/** Outside the BMP (CJK Extension B), before and inside the figure's sentence. */
const ASTRAL = "𠮷野家𠀀记。𡈼杜集区𠮷财政收入达12亿元，增长5%。𠀀年内新增企业20家。";

let seeded: (Seeded | { id: number; text: string })[];

beforeAll(async () => {
  const corpus = await seedCorpus();
  const res = await postJson({ text: ASTRAL }, { id: "astral" });
  const { id } = (await res.json()) as { id: number };
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT status FROM articles WHERE id = ?").bind(id).first<{ status: string }>();
    if (r?.status !== "extracted") throw new Error("extraction still running");
  });
  seeded = [...corpus, { id, text: ASTRAL }];
});

describe("sentences", () => {
  it("each figure's sentence is the extractor's, in the article summary and the figures list", async () => {
    let withSentence = 0;
    for (const a of seeded) {
      const want = extract(a.text).figures.map((f) => f.sentence ?? null);
      const summary = await getArticleSummary(env.DB, a.id);
      expect(summary!.figures.map((f) => f.sentence), `article ${a.id}`).toEqual(want);
      const listed = await listFigures(env.DB, { article: a.id, limit: 200 });
      expect(listed.items.sort((x, y) => x.seq - y.seq).map((f) => f.sentence), `article ${a.id}`).toEqual(want.slice(0, 200));
      withSentence += want.filter((s) => s !== null).length;
    }
    expect(withSentence).toBeGreaterThan(20);
  });

  it("after characters outside the BMP the span still cuts the same sentence", async () => {
    const a = seeded[seeded.length - 1]!;
    const want = extract(ASTRAL).figures.map((f) => f.sentence ?? null);
    // the span starts after two pairs and holds another: UTF-16 offsets would cut it elsewhere
    expect(want.some((s) => s !== null && s.includes("𠮷") && ASTRAL.indexOf(s) > 2)).toBe(true);
    const figures = (await getArticleSummary(env.DB, a.id))!.figures;
    expect(figures.map((f) => f.sentence)).toEqual(want);
    const goals = await listGoals(env.DB, { article: a.id });
    for (const g of goals.items) for (const f of g.figures) expect(f.sentence).toBe(figures.find((x) => x.id === f.id)?.sentence);
  });
});
