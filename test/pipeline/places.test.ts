/** Place keys: one key per locality however the article or the poster writes it. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeFilter, placeKey, placeName } from "../../src/places";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

describe("placeKey", () => {
  it.each([
    ["杜集区", "340602"],
    ["杜集", "340602"], // a short form that means one division
    ["河北省", "130000"],
    ["130628", "130628"], // a code is its own key
    ["經(jīng)開區(qū)", "/经开区"], // not a division: kept as written (simplified)
    ["朝阳区", "/朝阳区"], // two divisions (北京, 长春): not guessed
    ["朝阳市", "211300"], // 辽宁's 朝阳市 does not share a key with 北京's 朝阳区 (110105)
    ["沛县", "320322"],
    [" 杜集 区 ", "340602"],
  ])("%s -> %s", (written, key) => expect(placeKey(written)).toBe(key));

  it("displays the simplified form without pinyin", () => {
    expect(placeName("經(jīng)開區(qū)")).toBe("经开区");
  });

  it("filters a place with everything under it", () => {
    expect(placeFilter("河北省").ranges).toEqual([["13", "13\uffff"]]);
    expect(placeFilter("130600").ranges).toEqual([["1306", "1306\uffff"]]);
    expect(placeFilter("高阳县").ranges).toEqual([["130628", "130628\uffff"]]);
    expect(placeFilter("朝阳区").ranges.map((r) => r[0]).sort()).toEqual(["110105", "220104"]);
    expect(placeFilter("经开区")).toEqual({ ranges: [], name: "经开区" });
  });
});

describe("the places table", () => {
  it("groups the poster's and the article's spellings of one place under one key", async () => {
    const texts = [
      ["杜集区召开会议，杜集区新增企业12家。", "杜集"],
      ["杜集新增就业1200人。杜集区推进项目建设。", "杜集区"],
      ["經開區新增企業(yè)30家。經開區推進項(xiàng)目建設(shè)。區(qū)長(zhǎng)講話。", "经开区"],
    ];
    const ids: number[] = [];
    for (const [text, place] of texts) {
      const res = await postJson({ text, place });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: number }).id);
    }
    await eventually(async () => {
      const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status = 'extracted'").first<{ n: number }>();
      expect(r!.n).toBe(ids.length);
    });
    // 杜集 and 杜集区 are one division, stored by its code with its parent (淮北市) and level; the
    // zone that names no division is kept as written.
    const { results } = await env.DB.prepare("SELECT key, name, code, parent_key, level FROM places ORDER BY key").all();
    expect(results).toEqual([
      { key: "/经开区", name: "经开区", code: null, parent_key: null, level: null },
      { key: "340602", name: "杜集区", code: "340602", parent_key: "340600", level: 3 },
    ]);
    const links = await env.DB.prepare("SELECT article_id, place_key, name FROM article_places ORDER BY article_id, place_key").all();
    expect(links.results).toEqual([
      { article_id: ids[0], place_key: "340602", name: "杜集" },
      { article_id: ids[1], place_key: "340602", name: "杜集区" },
      { article_id: ids[2], place_key: "/经开区", name: "经开区" },
    ]);
  });
});
