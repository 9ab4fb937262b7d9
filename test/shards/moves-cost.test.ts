/**
 * What a move costs in D1 rows written (D1's own `rows_written`, indexes included, summed over
 * every batch the pipeline runs): each shared corpus article and report excerpt extracted into
 * its province's shard (with one database: in place), then moved to another province's shard by
 * an extractor that files it under 河南省. Prints median and p95 per article; the README's
 * capacity model quotes them (`npx vitest run test/shards/moves-cost.test.ts`).
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { shardsOf } from "../../src/db/router";
import { extract } from "../../src/extract";
import { extractAndPlace } from "../../src/pipeline/placement";
import r1 from "../fixtures/reports/2026_内蒙古自治区_政府工作报告.txt?raw";
import r2 from "../fixtures/reports/2026_山东省_政府工作报告.txt?raw";
import r3 from "../fixtures/reports/2026_广西壮族自治区_政府工作报告.txt?raw";
import r4 from "../fixtures/reports/2026_江苏省_政府工作报告.txt?raw";
import r5 from "../fixtures/reports/2026_河南省_政府工作报告.txt?raw";
import r7 from "../fixtures/reports/河北省_2020_report.txt?raw";
import { CORPUS } from "../helpers/corpus";

const TEXTS = [...CORPUS.map((a) => a.text).filter((t) => t.trim()), r1, r2, r3, r4, r7];
const ID_BASE = 6_000_000;
const shards = shardsOf(env);

/** The env with every shard's batches counted: rows written per binding. */
function counted() {
  const written = new Map<string, number>();
  const wrapped: Record<string, unknown> = { ...env };
  for (const name of shards.map.bindings) {
    const d1 = (env as unknown as Record<string, D1Database>)[name]!;
    wrapped[name] = new Proxy(d1, {
      get(target, prop) {
        if (prop === "batch")
          return async (statements: D1PreparedStatement[]) => {
            const results = await target.batch(statements);
            written.set(name, (written.get(name) ?? 0) + results.reduce((n, r) => n + Number(r.meta?.rows_written ?? 0), 0));
            return results;
          };
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
  return { env: wrapped as unknown as Env, written };
}

const HENAN = extract(r5).places[0]!;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

describe(`rows written per article over ${shards.all.length} shard(s)`, () => {
  it("placement and a re-extraction move", async () => {
    const catchAll = shards.all[shards.map.catchAll]!;
    const place: { total: number; catchAll: number; moved: boolean }[] = [];
    const move: { total: number; catchAll: number; between: boolean }[] = [];
    const homeOf = async (id: number) => (await catchAll.prepare("SELECT shard FROM article_homes WHERE id = ?").bind(id).first<{ shard: string }>())?.shard ?? null;
    for (const [i, text] of TEXTS.entries()) {
      const id = ID_BASE + i;
      await catchAll
        .prepare("INSERT INTO articles (id, webhook_id, content_hash, raw_hash, text, encoding, format, status, received_at) VALUES (?, ?, ?, ?, ?, 'utf-8', 'plain', 'received', 0)")
        .bind(id, `cost_${i}`, `hash_${i}`, `raw_${i}`, text)
        .run();
      const a = counted();
      expect((await extractAndPlace(a.env, id)).status).toBe("extracted");
      const home = await homeOf(id);
      const moved = home !== null;
      const b = counted();
      const older = (t: string) => ({ ...extract(t), places: [HENAN, ...extract(t).places] });
      expect((await extractAndPlace(b.env, id, { force: true, extractor: older })).status).toBe("extracted");
      const sum = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
      place.push({ total: sum(a.written), catchAll: a.written.get(shards.map.bindings[shards.map.catchAll]!) ?? 0, moved });
      // Between two province shards (not already in 河南省's).
      const between = moved && home !== shards.map.bindings[shards.indexOf(HENAN.code)];
      move.push({ total: sum(b.written), catchAll: b.written.get(shards.map.bindings[shards.map.catchAll]!) ?? 0, between });
    }
    const line = (what: string, xs: { total: number; catchAll: number }[]) =>
      `${what}: rows written per article p50 ${quantile(xs.map((x) => x.total), 0.5)}, p95 ${quantile(xs.map((x) => x.total), 0.95)}; in the catch-all p50 ${quantile(xs.map((x) => x.catchAll), 0.5)}, p95 ${quantile(xs.map((x) => x.catchAll), 0.95)}`;
    const between = move.filter((m) => m.between);
    console.log(
      `moves-cost (${shards.all.length} shards, ${TEXTS.length} texts)\n${line("first extraction", place)}\n${line("re-extraction (moved when sharded)", move)}` +
        (between.length ? `\n${line(`a move between two province shards (${between.length} texts)`, between)}` : ""),
    );
    if (shards.all.length === 1) {
      expect(place.every((p) => !p.moved && p.catchAll === p.total && p.total > 0)).toBe(true);
    } else {
      // A placement costs the catch-all the same few rows whatever the article (its raw row's
      // delete and the home record); a later move only rewrites the home record there.
      const movedOut = place.filter((p) => p.moved);
      expect(movedOut.length).toBeGreaterThan(TEXTS.length / 2);
      expect(new Set(movedOut.map((p) => p.catchAll)).size).toBe(1);
      expect(movedOut[0]!.catchAll).toBeLessThan(20);
      const between = move.filter((m) => m.between);
      expect(between.length).toBeGreaterThan(0);
      expect(between.every((m) => m.catchAll === 1)).toBe(true);
    }
  });
});
