/** Article facts: title, published, source, places. */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";

describe("title", () => {
  it.each([
    ["\n\n坚持“工业强区” 书写“杜集担当”\n\n——访区长\n\n正文。", "坚持“工业强区” 书写“杜集担当”"],
    ["搜索\n \n\n强化使命担当 奋力决战决胜\n\n2020年12月23日 10阅读 来源:淮北日报 2020/01/10\n\n正文。", "强化使命担当 奋力决战决胜"],
    ["全力走稳走好踏上新征程的第一步\n\n2021年10月 01日 09:04 | 来源: 扬州日报-扬州网\n\n正文。", "全力走稳走好踏上新征程的第一步"],
  ])("%#", (text, title) => expect(extract(text).title).toBe(title));
  it("is read from a page flattened to one line, before its date", () => {
    const s = extract("县政府召开常务会议 2023-03-02 10:20 来源：某某县融媒体中心 3月1日，县长主持召开县政府常务会议。 会议还研究了其他事项。 |");
    expect([s.title, s.published, s.source]).toEqual(["县政府召开常务会议", "2023-03-02", "某某县融媒体中心"]);
  });
  it("is never a line of joined site names", () => {
    expect(extract("经济日报-中国经济网\n来源：经济日报 2024-06-12\n今年以来，该市聚焦首位产业，电子信息产业集群营收突破2000亿元，同比增长百分之十一。").title).toBeNull();
  });
  it("is the line above the date/source line, not a section name above it", () => {
    expect(extract("网站首页 政务公开 新闻动态\n新闻动态\n我县召开一季度经济形势分析会\n发布日期：2024-04-18 信息来源：县发改委\n正文。").title).toBe("我县召开一季度经济形势分析会");
  });
  it("may open with a year, but not with a date", () => {
    expect(extract("当前位置：首页 > 政务公开\n2024年政府工作报告\n正文。").title).toBe("2024年政府工作报告");
    expect(extract("2024年3月5日 星期二\n正文。").title).toBeNull();
  });
  it("skips breadcrumbs and location bars above the headline", () => {
    expect(extract("新闻网 > 地方\n\n新竹县政府公布施政成果\n\n正文。").title).toBe("新竹县政府公布施政成果");
    expect(extract("您当前的位置：首页 | 政务公开 | 部门动态\n\n开发区奋力打造千亿级产业集群\n\n正文。").title).toBe("开发区奋力打造千亿级产业集群");
  });
  it("is null when the text opens with body text", () => {
    expect(extract("7月22日下午,經(jīng)開區(qū)黨工委上半年經濟形勢分析會召開。市委常委主持並講話,強調要深入學習貫徹落實會議精神,全力以赴拼搏三季度。").title).toBeNull();
  });
  it("skips a site name above the headline, but not a headline that ends in 网", () => {
    expect(extract("淮北新闻网\n\n强化使命担当 奋力决战决胜\n\n2020年12月23日 来源:淮北日报\n\n正文。").title).toBe("强化使命担当 奋力决战决胜");
    expect(extract("织密安全防护网\n\n2020年12月23日 来源:淮北日报\n\n正文。").title).toBe("织密安全防护网");
  });
  it("is written without pinyin", () => {
    expect(extract("經(jīng)開區(qū)召開總結(jié)會\n\n正文。").title).toBe("經開區召開總結會");
  });
});

describe("an outlet named last on the date line", () => {
  it.each([
    ["标题文字测试新闻\n2022年11月03日 10:00 澎湃新闻\n正文。", "澎湃新闻"],
    ["标题文字测试新闻\n2022-11-03 揚子晚報\n正文。", "揚子晚報"],
    ["标题文字测试新闻\n2022年11月03日 10阅读\n正文。", null],
  ])("%s", (text, source) => expect(extract(text).source).toBe(source));
});

describe("published and source", () => {
  it.each([
    ["标题\n2020年12月23日 10阅读 来源:淮北日报 2020/01/10\n正文", "2020-01-10", "淮北日报"],
    ["标题\n2021年10月 01日 09:04 | 来源: 扬州日报-扬州网 | 扬州网官方微博\n正文", "2021-10-01", "扬州日报"],
    ["标题\n发布时间:2022-03-05 来源：宝应县人民政府\n正文", "2022-03-05", "宝应县人民政府"],
    ["标题\n來源：人民日報 2019.7.1\n正文", "2019-07-01", "人民日報"],
    ["标题\n正文说7月13日开会。\n来源:某某日报", null, "某某日报"],
    ["标题\n正文说2020年7月13日开会,内容很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。", null, null],
    ["标题\n正文。\n声明:凡本网注明来源为“扬州网”的稿件版权均为本网所有。", null, null],
    ["全县召开经济工作会议\n2023年4月18日，全县经济工作会议召开。", null, null],
    ["全县召开经济工作会议\n2023年04月18日 10:20\n正文。", "2023-04-18", null],
  ] as [string, string | null, string | null][])("%#", (text, published, source) => {
    const s = extract(text);
    expect(s.published).toBe(published);
    expect(s.source).toBe(source);
  });
});

describe("heavy site chrome", () => {
  const page = [
    "网站首页 | 政务公开 | 新闻中心 | 办事服务",
    "当前位置：首页 > 新闻中心 > 乡镇动态",
    "城关镇：抓项目促发展 一季度签约项目12个",
    "2023-04-10 15:22 来源：城关镇 作者：王五 【字号：大 中 小】",
    "　　今年以来，城关镇坚持项目为王，一季度签约项目12个，总投资35.6亿元，新开工项目8个。",
    "　　城关镇将持续优化营商环境，力争全年签约项目50个以上，完成固定资产投资20亿元。",
    "上一篇：城关镇召开2023年安全生产工作会议",
    "下一篇：全县新增市场主体2000户",
    "相关新闻",
    "· 全县一季度新增企业120家",
    "县长调研城关镇5个重点项目 2023-03-28",
    "我县2022年GDP增长6.5%",
    "分享到：",
    "版权所有：某某县人民政府 电话：0595-1234567 邮编：362400",
  ].join("\n");
  const s = extract(page);
  it("reads the title as written (full-width colon kept), date and source", () => {
    expect(s.title).toBe("城关镇：抓项目促发展 一季度签约项目12个");
    expect(s.published).toBe("2023-04-10");
    expect(s.source).toBe("城关镇");
  });
  it("counts body figures only (navigation, link lists, footer and the headline restating a figure are not)", () => {
    expect(s.figures.map((f) => [f.text, f.kind])).toEqual([
      ["12个", "reported"],
      ["35.6亿元", "reported"],
      ["8个", "reported"],
      ["50个", "target"],
      ["20亿元", "target"],
    ]);
    expect(s.goals.map((g) => g.figures)).toEqual([["50个"], ["20亿元"]]);
  });
});
