/** Article facts: title, published, source, places. */
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/index";
import { BRACKET_CELLS_LINE_RE, BYLINE_LINE_RE, FURNITURE_LINE_EXAMPLES, ISSUER_LINE_EXAMPLES, ISSUER_LINE_RE } from "../../src/extract/rules/facts";

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
  it("is read from a flattened page after its breadcrumb, and its first sentence keeps its figures", () => {
    const s = extract("首页 > 新闻中心 > 本地要闻 我市新增高新技术企业50家 发布时间：2024-05-06 来源：某某日报 近日，记者从市科技局获悉，全市新增高新技术企业48家。 其中，新认定企业30家。");
    expect([s.title, s.published, s.source]).toEqual(["我市新增高新技术企业50家", "2024-05-06", "某某日报"]);
    // The headline's figure as a headline's on its own line: the first.
    expect(s.figures.map((f) => f.text)).toEqual(["50家", "48家", "30家"]);
  });
  it("takes a flattened page's date right after its headline, not an event's further on", () => {
    const s = extract("某某市2024年国民经济和社会发展统计公报 2025年3月15日 某某市统计局 全年全市生产总值增长5.8%。 2024年12月31日，全市常住人口1000万人。");
    expect([s.title, s.published]).toEqual(["某某市2024年国民经济和社会发展统计公报", "2025-03-15"]);
    expect(extract("某某县召开项目推进会议 会上通报，截至2025年3月15日，全县开工项目80个。").published).toBeNull();
  });
  it("is never a line of joined site names", () => {
    expect(extract("经济日报-中国经济网\n来源：经济日报 2024-06-12\n今年以来，该市聚焦首位产业，电子信息产业集群营收突破2000亿元，同比增长百分之十一。").title).toBeNull();
  });
  it("is the line above the date/source line, not a section name above it", () => {
    expect(extract("网站首页 政务公开 新闻动态\n新闻动态\n我县召开一季度经济形势分析会\n发布日期：2024-04-18 信息来源：县发改委\n正文。").title).toBe("我县召开一季度经济形势分析会");
  });
  it("is the line right below the date/source line when the page puts that line first", () => {
    const s = extract("分享到： 微信 微博\n2022-05-17 10:21:35 来源: 新华网\n山东青岛：港口集装箱吞吐量同比增长8.5%\n新华网青岛5月17日电 今年前4个月，青岛港集装箱吞吐量同比增长8.5%。");
    expect([s.title, s.published, s.source]).toEqual(["山东青岛：港口集装箱吞吐量同比增长8.5%", "2022-05-17", "新华网"]);
    expect(extract("2022-05-17 来源: 某某县融媒体中心\n今年以来，全县新增市场主体1200户，同比增长8.5%。").title).toBeNull();
  });
  it("is never a byline or a line of bracketed page cells", () => {
    for (const ex of FURNITURE_LINE_EXAMPLES) expect([ex.in, BRACKET_CELLS_LINE_RE.test(ex.in) || BYLINE_LINE_RE.test(ex.in)]).toEqual([ex.in, ex.furniture]);
    expect(extract("◎ 本报记者 王明\n金湖县今年将新建农村公路120公里\n本报讯 今年，金湖县将新建农村公路120公里。").title).toBe("金湖县今年将新建农村公路120公里");
    const s = extract("【信息时间：2021-09-18】 【阅读次数：】 【我要打印】 【关闭】\n东营区：全力推进重点项目建设\n今年以来，东营区实施重点项目86个。");
    expect([s.title, s.published]).toEqual(["东营区：全力推进重点项目建设", "2021-09-18"]);
  });
  it("stands above an issuer alone on the line over the date, which is the source", () => {
    for (const ex of ISSUER_LINE_EXAMPLES) expect([ex.in, ISSUER_LINE_RE.test(ex.in)]).toEqual([ex.in, ex.issuer]);
    const s = extract("2025年保定市国民经济和社会发展统计公报\n保定市统计局\n2026年3月15日\n一、综合\n全年全市地区生产总值1234.5亿元。");
    expect([s.title, s.published, s.source]).toEqual(["2025年保定市国民经济和社会发展统计公报", "2026-03-15", "保定市统计局"]);
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

describe("labelled fields and front matter", () => {
  const meta = (text: string) => {
    const s = extract(text);
    return [s.title, s.published, s.source];
  };
  it.each<[string, string, (string | null)[]]>([
    ["标题： gives the title without its label or subtitle; 发文时间： the date; 发文单位： the issuer when no outlet is named",
      "标题：政府工作报告——2015年4月21日在某省第十二届人民代表大会第三次会议上\n发文单位：某省人民政府\n发文时间：2015-04-21\n来源URL：http://example.gov.cn/a.html\n\n正文：\n\n各位代表：\n现在，我代表省人民政府向大会作工作报告。",
      ["政府工作报告", "2015-04-21", "某省人民政府"]],
    ["发文时间：未知 is no date, and 正文： is no title; the subtitle's date is the report's",
      "发文单位：某市人民政府\n发文时间：未知\n正文：\n――2021年1月31日在某市第十五届人民代表大会第六次会议上\n各位代表：\n现在，我代表市人民政府向大会作工作报告。",
      [null, "2021-01-31", "某市人民政府"]],
    ["来源： and 发布时间： as labels, the value on the next line",
      "当前位置：\n首页\n>\n要闻\n2026年某区政府工作报告\n发表时间：\n2026-02-09 09:45:30\n来源：\n某某日报客户端\n阅读量：\n正文。",
      ["2026年某区政府工作报告", "2026-02-09", "某某日报客户端"]],
    ["a CMS info line: a space for the colon before a date (添加时间 2026/2/12 15:20:47), after an unknown 发文时间",
      "标题：2026年某市政府工作报告\n发文单位：某市人民政府\n发文时间：未知\n\n正文：\n\n某某在市人大会议上的政府工作报告（摘登）\n添加时间 2026/2/12 15:20:47  浏览次数 4034 次\n本报讯 2月4日，市长作政府工作报告。",
      ["2026年某市政府工作报告", "2026-02-12", "某市人民政府"]],
    ["front matter: quoted title, RFC 2822 date (the day as written)",
      "\n---\ntitle: '工业、投资齐发力，某区上半年GDP增速达6.3%'\ncategories: \n - 金融\nauthor: 某某财经\ndate: Wed, 03 Aug 2022 12:24:18 GMT\n---\n\n<div>\n<p>正文。</p>",
      ["工业、投资齐发力，某区上半年GDP增速达6.3%", "2022-08-03", null]],
    ["front matter: ISO date",
      "---\ntitle: \"县城如何谋求高质量发展\"\ndate: 2021-12-16\n---\n正文。",
      ["县城如何谋求高质量发展", "2021-12-16", null]],
  ])("%s", (_, text, want) => expect(meta(text)).toEqual(want));

  it("a report subtitle dates the report, before the page's own 时间 (Chinese numerals too)", () => {
    const controls = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n";
    expect(meta(`${controls}2026年某省政府工作报告\n2026年1月14日在某省第十四届人民代表大会第四次会议上\n来源：某省日报\n时间：2026-01-22\n某省省长 某某\n各位代表：`))
      .toEqual(["2026年某省政府工作报告", "2026-01-14", "某省日报"]);
    expect(meta(`${controls}2026年某省政府工作报告\n——二〇二六年一月二十七日在某省十四届人民代表大会第四次会议上\n来源：某省日报\n时间：2026-02-10\n各位代表：`))
      .toEqual(["2026年某省政府工作报告", "2026-01-27", "某省日报"]);
  });

  it("never takes furniture as the title: e-paper header, site-network line, metadata table, section heading", () => {
    expect(meta("|\n日 | 一 | 二 | 三 |\n版次:03 作者:2023年01月12日\n(上接第一版)某某:在充分衔接的基础上,我们对今后五年的发展提出了具体目标。")).toEqual([null, "2023-01-12", null]);
    expect(meta("某新办[2005]20号 某ICP备05073341号\n某某传媒中心版权所有 未经授权禁止复制\n某某网・某某湖网 网络支持:某某网络传媒有限公司\n记者 某某/文\n扬帆起航谱新篇,朝气蓬勃向未来。昨日,县人民代表大会隆重开幕。"))
      .toEqual([null, null, null]);
    expect(meta("当前位置:首页\n> 政务公开 > 规划计划\n索  引  号 113708280043358015/2021-01956 公开方式 主动公开\n发布机构 某县发展和改革局 组配分类 发展计划\n成文日期 2021-02-22 废止日期\n有效性\n某县2021年国民经济和社会发展计划\n分享\n正文。"))
      .toEqual(["某县2021年国民经济和社会发展计划", "2021-02-22", "某县发展和改革局"]);
    expect(meta("三、2026年工作安排\n2026年是开局之年。做好今年工作，要贯彻落实会议精神。").slice(0, 1)).toEqual([null]);
    expect(meta("（一）着力扩大内需\n大力提振消费，优化服务供给。").slice(0, 1)).toEqual([null]);
  });

  it("a long bulletin headline without sentence punctuation is a title; an event date is not the page's", () => {
    const head = "20210130某某小区开展“我为家园献爱心—发放致居民一封信及居民出入卡和车辆通行证”志愿服务活动";
    expect(meta(`${head}\n编号 | 2021007457 | 服务区域 | 某某街道 |\n服务时长 | 2小时 | 活动日期 | 2021-01-30 09:00:00 至 2021-01-30 11:00:00 |\n正文。`)).toEqual([head, null, null]);
  });

  it("the outlet from a byline, a repeated 对X记者, a date line's first name, or a closing 来源 line", () => {
    expect(meta("某区上半年经济成绩单\n<p>某某财经全媒体 见习记者某某某 深圳报道 近日，某区发布上半年经济“成绩单”。</p>")[2]).toBe("某某财经全媒体");
    expect(meta("县城发展调查\n“目标很明确。”局长对第一财经记者说。\n县长对第一财经记者说，要继续整合资源。")[2]).toBe("第一财经");
    expect(meta("县城发展调查\n局长对前来采访的记者说，要继续整合资源。\n县长对前来采访的记者说。")[2]).toBeNull();
    expect(meta("我省民营企业五年目标出炉\n\n四川日報    2020年09月14日\n\n正文。")).toEqual(["我省民营企业五年目标出炉", "2020-09-14", "四川日報"]);
    // a government site names the issuing body on the date line
    expect(meta("市政府常务会议研究部署稳增长工作\n2023年04月20日 10:18   某某市人民政府办公厅\n会议强调，力争全年地区生产总值增长6%以上。")).toEqual(["市政府常务会议研究部署稳增长工作", "2023-04-20", "某某市人民政府办公厅"]);
    expect(meta("全县工业经济运行平稳\n某某县统计局 2024-01-02\n正文。")).toEqual(["全县工业经济运行平稳", "2024-01-02", "某某县统计局"]);
    expect(meta("导航\n\n某村的共富路\n\n 2022-10-02 09:55  来源:某某新闻网\n\n正文第一段，讲了很多事情。\n\n        来源:央视网\n\n审核:某某   责任编辑:某某")).toEqual(["某村的共富路", "2022-10-02", "央视网"]);
  });
});
