/** Place keys: one key per locality however the article or the poster writes it. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { placeKey, placeName } from "../../src/places";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";

describe("placeKey", () => {
  it.each([
    ["杜集区", "杜集"],
    ["杜集", "杜集"],
    ["經開區", "经开"],
    ["經(jīng)開區(qū)", "经开"],
    ["经开区", "经开"],
    ["高邮市", "高邮"],
    ["金山桥街道", "金山桥"],
    ["宁夏回族自治区", "宁夏回族"],
    ["沛县", "沛县"], // one character left: the suffix stays
    [" 杜集 区 ", "杜集"],
  ])("%s -> %s", (written, key) => expect(placeKey(written)).toBe(key));

  it("displays the simplified form without pinyin", () => {
    expect(placeName("經(jīng)開區(qū)")).toBe("经开区");
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
    const { results } = await env.DB.prepare("SELECT key, name FROM places ORDER BY key").all();
    expect(results).toEqual([
      { key: "杜集", name: "杜集区" }, // the fullest form seen, though 杜集 came first
      { key: "经开", name: "经开区" },
    ]);
    const links = await env.DB.prepare("SELECT article_id, place_key FROM article_places ORDER BY article_id, place_key").all();
    expect(links.results).toEqual([
      { article_id: ids[0], place_key: "杜集" },
      { article_id: ids[1], place_key: "杜集" },
      { article_id: ids[2], place_key: "经开" },
    ]);
  });
});
