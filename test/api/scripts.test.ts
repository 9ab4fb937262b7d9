/** Traditional-script metrics are stored as written (e.g. the 004 article): simplified input finds them. */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { storeSummary } from "../../src/pipeline/store";
import { type Seeded, seedCorpus } from "../helpers/seed";
import { getJson } from "./http";

let seeded: Seeded[];

beforeAll(async () => {
  seeded = await seedCorpus();
  const a004 = seeded.find((a) => a.name.startsWith("004"))!;
  await storeSummary(
    env.DB,
    { id: a004.id, text: a004.text, metaTitle: null, metaSource: null, metaPublished: null, metaPlace: null },
    {
      title: null,
      published: "2022-03-01",
      source: null,
      places: [{ name: "经开区", code: null, written: "經開區" }],
      figures: [{ text: "3億元", start: 0, end: 3, value: 300000000, unit: "元", metric: "財政收入", kind: "reported" }],
      goals: [],
      warnings: [],
      errors: [],
    },
    1,
  );
});

describe("script variants", () => {
  it("simplified and traditional input both find simplified and traditional metrics", async () => {
    for (const metric of ["财政收入", "財政收入"]) {
      const body = await getJson(`/v1/figures?metric=${encodeURIComponent(metric)}`);
      expect(body.items.map((f: any) => f.text), metric).toEqual(expect.arrayContaining(["12亿元", "3億元", "57.3%"]));
    }
  });

  it("place in traditional script with pinyin finds the simplified key", async () => {
    const body = await getJson(`/v1/figures?place=${encodeURIComponent("經(jīng)開區(qū)")}&kind=reported`);
    expect(body.items.map((f: any) => f.text)).toContain("3億元");
  });
});
