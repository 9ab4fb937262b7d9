/**
 * Place filters through the Worker: a province or city finds the rows of the counties and towns
 * under it, a GB/T 2260 code works as well as a name, and two places that share a short name
 * (北京's 朝阳区, 辽宁's 朝阳市) stay apart. Articles go through the real webhook, queue and extractor.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { get, getJson } from "./http";
import { fetchFeed } from "../feed/helpers";
import { divisionsNamed } from "../../src/places";

const TEXTS = {
  gaoyang: "河北省保定市高阳县人民政府\n\n高阳县将力争新增规模以上企业12家，纺织产业营业收入增长8%。",
  chaoyangBeijing: "北京市朝阳区人民政府\n\n朝阳区将新增就业岗位3000个。",
  chaoyangLiaoning: "辽宁省朝阳市人民政府\n\n朝阳市将新建公园20个。",
  chengguan: "安徽省五河县城关镇人民政府\n\n城关镇将新建公园3个。",
};
const ids: Record<string, number> = {};

beforeAll(async () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    const res = await postJson({ text }, { id: `places-${name}` });
    expect(res.status).toBe(201);
    ids[name] = ((await res.json()) as { id: number }).id;
  }
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
    expect(r!.n).toBe(Object.keys(TEXTS).length);
  });
});

const figureArticles = async (place: string) =>
  [...new Set((await getJson(`/v1/figures?place=${encodeURIComponent(place)}&limit=200`)).items.map((f: any) => f.article_id))].sort();

describe("place filters", () => {
  it("a name that very many divisions share (城关镇) is one bounded statement in every list and feed, never a 500", async () => {
    // The filter is one range per division of that name: far past SQLite's expression depth if written as an OR.
    expect(divisionsNamed("城关镇").length).toBeGreaterThan(50);
    const q = encodeURIComponent("城关镇");
    for (const path of ["/v1/figures", "/v1/goals", "/v1/articles", "/v1/promises", "/v1/metrics"]) {
      const res = await get(`${path}?place=${q}`);
      expect([path, res.status]).toEqual([path, 200]);
    }
    expect(await figureArticles("城关镇")).toEqual([ids.chengguan]);
    expect(await figureArticles("五河县")).toEqual([ids.chengguan]);
    expect(await figureArticles("340322100")).toEqual([ids.chengguan]);
    for (const path of ["/feed.json", "/feed.xml", "/feed.atom", "/digest.json", "/", "/metrics/%E5%85%AC%E5%9B%AD"]) expect([path, (await get(`${path}?place=${q}`)).status]).toEqual([path, 200]);
  });

  it("a province, a city, a county, a short form or a code finds a county's figures", async () => {
    for (const place of ["河北省", "河北", "保定市", "保定", "高阳县", "130000", "130600", "130628"]) {
      expect(await figureArticles(place), place).toEqual([ids.gaoyang]);
    }
    const f = (await getJson(`/v1/figures?place=${encodeURIComponent("河北省")}`)).items[0];
    expect(f).toMatchObject({ place: "130628", place_name: "高阳县" });
  });

  it("finds goals and articles the same way", async () => {
    expect((await getJson("/v1/goals?place=130000")).items.map((g: any) => g.article_id)).toEqual([ids.gaoyang, ids.gaoyang]);
    expect((await getJson(`/v1/articles?place=${encodeURIComponent("保定")}`)).items.map((a: any) => a.id)).toEqual([ids.gaoyang]);
  });

  it("keeps 北京's 朝阳区 and 辽宁's 朝阳市 apart, and an ambiguous name finds every place it can mean", async () => {
    expect(await figureArticles("北京市")).toEqual([ids.chaoyangBeijing]);
    expect(await figureArticles("110105")).toEqual([ids.chaoyangBeijing]);
    expect(await figureArticles("辽宁省")).toEqual([ids.chaoyangLiaoning]);
    expect(await figureArticles("朝阳市")).toEqual([ids.chaoyangLiaoning]);
    // 朝阳区 is Beijing's and Changchun's: both are read, and only Beijing's has rows.
    expect(await figureArticles("朝阳区")).toEqual([ids.chaoyangBeijing]);
    const { results } = await env.DB.prepare("SELECT key, name, parent_key FROM places WHERE name LIKE '朝阳%' ORDER BY key").all();
    expect(results).toEqual([
      { key: "110105", name: "朝阳区", parent_key: "110000" },
      { key: "211300", name: "朝阳市", parent_key: "210000" },
    ]);
  });

  it("feeds filter by a province too", async () => {
    const feed = await fetchFeed(`/feed.json?place=${encodeURIComponent("河北省")}`);
    expect(feed.items.map((i) => Number(i.id.split(":").pop()))).toEqual([ids.gaoyang]);
    const digest = await fetchFeed("/digest.json?place=130000&kind=target");
    expect(digest.items.length).toBe(1);
    expect(digest.items[0]!.categories).toEqual(["高阳县"]);
  });
});
