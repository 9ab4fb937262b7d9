/**
 * Writes over the layout's shards (src/pipeline/placement.ts): the corpus and report excerpts
 * posted to the real webhook, extracted by the real queue consumer and placed in their
 * province's shard. Every article ends in exactly one database; replays and duplicates are
 * answered with the original id whichever shard holds it, storing nothing; a redelivered queue
 * message changes nothing. Under the `one` project the same holds with one database.
 */
import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { extractAndPlace } from "../../src/pipeline/placement";
import { CORPUS } from "../helpers/corpus";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import r1 from "../fixtures/reports/2026_内蒙古自治区_政府工作报告.txt?raw";
import r2 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r3 from "../fixtures/reports/2026_广西壮族自治区_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import r7 from "../fixtures/reports/河北省_2020_report.txt?raw";

const TEXTS = [...CORPUS.map((a) => a.text), r1, r2, r3, r5, r7];
const shards = shardsOf(env);

async function idsPerShard(): Promise<{ id: number; status: string }[][]> {
  return Promise.all(shards.all.map(async (d1) => (await d1.prepare("SELECT id, status FROM articles ORDER BY id").all<{ id: number; status: string }>()).results));
}

const posted: number[] = [];

beforeAll(async () => {
  for (const [i, text] of TEXTS.entries()) {
    const res = await postJson({ text }, { id: `place-${i}` });
    expect(res.status).toBe(201);
    posted.push(((await res.json()) as { id: number }).id);
  }
  await eventually(async () => {
    const rows = (await idsPerShard()).flat();
    const done = rows.filter((r) => r.status === "extracted").length;
    if (done < TEXTS.length || rows.length !== TEXTS.length) throw new Error(`${done} of ${TEXTS.length} extracted and placed (${rows.length} rows)`);
  });
});

describe(`placement over ${shards.all.length} shard(s)`, () => {
  it("every article is in exactly one database, the one of its home record", async () => {
    const per = await idsPerShard();
    const all = per.flat().map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort((a, b) => a - b)).toEqual([...posted].sort((a, b) => a - b));
    const catchAll = shards.all[shards.map.catchAll]!;
    const { results: homes } = await catchAll.prepare("SELECT id, shard FROM article_homes").all<{ id: number; shard: string }>();
    for (const h of homes) expect(per[shards.map.bindings.indexOf(h.shard)]!.map((r) => r.id)).toContain(h.id);
    if (shards.all.length > 1) {
      // The reports are of five provinces in three shard groups: at least three databases hold articles.
      expect(per.filter((p) => p.length > 0).length).toBeGreaterThanOrEqual(3);
      expect(homes.length).toBe(TEXTS.length - per[shards.map.catchAll]!.length);
    }
    const listed = (await (await SELF.fetch("https://jiyao.test/v1/articles?limit=200")).json()) as { items: { id: number }[] };
    expect(listed.items.map((a) => a.id).sort((a, b) => a - b)).toEqual([...posted].sort((a, b) => a - b));
  });

  it("replays and duplicates answer the original id wherever it lives, storing nothing", async () => {
    for (const [i, text] of TEXTS.entries()) {
      const replay = await postJson({ text }, { id: `place-${i}` });
      expect(replay.status).toBe(200);
      expect(await replay.json()).toMatchObject({ id: posted[i], replay: true });
      const dup = await postJson({ text: `  ${text}\n` }, { id: `place-dup-${i}` });
      expect(dup.status).toBe(200);
      expect(await dup.json()).toMatchObject({ id: posted[i], duplicate_of: posted[i] });
    }
    expect((await idsPerShard()).flat().length).toBe(TEXTS.length);
  });

  it("a redelivered extraction message changes nothing", async () => {
    const before = await idsPerShard();
    for (const id of posted) expect((await extractAndPlace(env, id)).status).toBe("current");
    expect(await idsPerShard()).toEqual(before);
  });
});
