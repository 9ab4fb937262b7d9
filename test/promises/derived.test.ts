/**
 * Derived outcomes end to end: a report pair posted through the real webhook in either order,
 * extracted by the real consumer; /v1/promises and /v1/promises/{id} carry the derived outcome
 * (年末总数 minus the year before's, from the gold's `derived`) beside the unchanged stated verdict.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import t2021 from "../fixtures/promises/保定市_2021.txt?raw";
import t2022 from "../fixtures/promises/保定市_2022.txt?raw";
import { get, getJson } from "../api/http";
import { readCsv } from "../helpers/csv";
import { eventually, SETTLE_MS } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { GOLD_PAIRS } from "./gold";

const GOLD = GOLD_PAIRS.find((g) => g.file === "保定市_2021_2022")!;
const DERIVED = GOLD.promises.filter((g: any) => g.verdict_basis === "derived" && g.outcome_metric && !g.metric_name_differs) as any[];

async function postPair(order: "plan first" | "review first") {
  await env.DB.exec("DELETE FROM articles");
  const pair = order === "plan first" ? [t2021, t2022] : [t2022, t2021];
  for (const [i, text] of pair.entries()) expect((await postJson({ text }, { id: `derived-${order.replace(" ", "-")}-${i}` })).status).toBe(201);
  await eventually(async () => expect((await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>())!.n).toBe(2));
}

/** The promises of the gold's derived cases, found by target value and clause. */
async function derivedPromises() {
  const { items } = await getJson(`/v1/promises?${new URLSearchParams({ place: "保定市", period: GOLD.period, limit: "200" })}`);
  return DERIVED.map((g) => ({ g, p: items.find((i: any) => i.target.value === g.target_value && i.target.sentence?.includes(g.target_clause.slice(0, 6))) }));
}

describe("derived outcomes through the pipeline", { timeout: 4 * SETTLE_MS }, () => {
  it("gives the gold's derived increment with its formula and verdict, the stated link unchanged, in either posting order", async () => {
    expect(DERIVED.length).toBeGreaterThanOrEqual(2);
    const seen: unknown[] = [];
    for (const order of ["plan first", "review first"] as const) {
      await postPair(order);
      const found = await derivedPromises();
      for (const { g, p } of found) {
        expect(p, `${order} ${g.id}`).toBeDefined();
        expect(p).toMatchObject({ outcome: null, verdict: g.verdict_strict, derived_verdict: g.verdict });
        expect(p.derived).toMatchObject({ value: g.derived.value, unit: g.unit });
        expect(p.derived.level.value).toBe(g.outcome_value);
        expect(p.derived.base.value).toBe(g.derived.base_value);
        expect(p.derived.formula).toBe(`${p.derived.level.text} − ${p.derived.base.text} = ${g.derived.value}${g.unit}`);
        expect(await getJson(`/v1/promises/${p.id}`)).toEqual(p);
      }
      seen.push(found.map(({ p }) => ({ ...p, id: 0, target: p.target.value, derived: { ...p.derived, level: p.derived.level.value, base: p.derived.base.value } })));
      // The CSV has the derived columns.
      const csv = await readCsv(await get(`/v1/promises.csv?${new URLSearchParams({ place: "保定市", period: GOLD.period })}`));
      const col = (n: string) => csv.header.indexOf(n);
      const row = csv.rows.find((r) => Number(r[col("id")]) === found[0]!.p.id)!;
      expect([row[col("derived_value")], row[col("derived_verdict")], row[col("derived_formula")]]).toEqual([String(found[0]!.g.derived.value), found[0]!.g.verdict, found[0]!.p.derived.formula]);
    }
    expect(seen[1]).toEqual(seen[0]);
  });

  it("derives when the year-before total arrives last (the next year's groups are relinked)", async () => {
    await env.DB.exec("DELETE FROM articles");
    const post = async (id: string, text: string, published: string) => {
      expect((await postJson({ text, published, place: "保定市" }, { id })).status).toBe(201);
      await eventually(async () => expect((await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status != 'extracted'").first<{ n: number }>())!.n).toBe(0));
    };
    const promise = async () => (await getJson(`/v1/promises?${new URLSearchParams({ place: "保定市", period: "2021" })}`)).items;
    await post("late-plan", "2021年主要目标\n力争全年新增高新技术企业100家以上。\n", "2021-01-20");
    await post("late-review", "2021年工作回顾\n全市高新技术企业达到1306家。\n", "2022-01-15");
    const [before] = await promise();
    expect(before).toMatchObject({ verdict: "no_report", derived: null, derived_verdict: null });
    await post("late-base", "2020年末，全市高新技术企业达到1100家。\n", "2021-03-01");
    const [after] = await promise();
    expect(after).toMatchObject({ id: before.id, verdict: "no_report", derived_verdict: "met", derived: { value: 206, unit: "家", formula: "1306家 − 1100家 = 206家" } });
    // The scorecard shows it beside the no_report verdict, with both levels linked.
    const html = await (await get(`/places/${encodeURIComponent("保定市")}`)).text();
    const at = html.indexOf(`<tr id="promise-${after.id}"`);
    const row = html.slice(at, html.indexOf("</tr>", at));
    expect(row).toContain(`<span class="derived" title="1306家 − 1100家 = 206家">推算 206家`);
    expect(row).toContain(`href="/articles/${after.derived.level.article_id}#f-${after.derived.level.seq}"`);
    expect(row).toContain(`href="/articles/${after.derived.base.article_id}#f-${after.derived.base.seq}"`);
    expect(row).toContain('class="badge verdict-met"');
    expect(row).toContain('class="badge verdict-no_report"');
  });

  it("is in the OpenAPI document", async () => {
    const doc = await getJson("/openapi.json");
    expect(doc.components.schemas.Promise.properties.derived_verdict).toBeDefined();
    expect(Object.keys(doc.components.schemas.DerivedOutcome.properties).sort()).toEqual(["base", "formula", "level", "unit", "value"]);
  });
});
