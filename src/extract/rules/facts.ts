/**
 * Article facts: publication date, source outlet. Bounded patterns only.
 */

/** 来源:淮北日报 2020/01/10 · 来源: 扬州日报-扬州网 · 來源：人民網. Group 1 = the outlet. */
export const SOURCE_RE = /(?:来源|來源|稿源|转自|轉自)\s*[:：]\s*([^\s|｜,，;；。:：】\])）>]{2,30})/;
/** Every SOURCE_RE label ends in one of these: a line without either is not tried. Keep in step with SOURCE_RE. */
export const SOURCE_WORDS: readonly string[] = ["源", "自"];

/** The outlet without a site suffix: 扬州日报-扬州网 -> 扬州日报. */
export const SOURCE_SUFFIX_SPLIT_RE = /[-—_·/]/;

/** Full dates: 2021年10月 01日, 2020-01-10, 2020/01/10, 2020.1.10. Groups: y, m, d. */
export const FULL_DATE_RE =
  /(?<![0-9])((?:19|20)[0-9]{2})\s{0,2}(?:年\s{0,2}([0-9]{1,2})\s{0,2}月\s{0,2}([0-9]{1,2})\s{0,2}[日号]|[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9]))/g;

/**
 * A locality by administrative suffix: 杜集区, 高邮市, 宝应县, 金山桥街道, 徐庄镇, 经开区.
 * Group 1 = the name. Names are 2–4 characters before the suffix; the character before must not
 * be a CJK char of a longer phrase, which callers check.
 */
export const PLACE_RE =
  /([\u4e00-\u9fff]{1,4}?(?:街道|开发区|開發區|经开区|經開區|高新区|新区|自治州|自治县|区|區|县|縣|市|镇|鎮|乡|鄉))(?![场域别分间值面容])/g;




/** A site or outlet name on its own line above the headline: 淮北新闻网, 中国江苏网, 扬州日报. */
/**
 * A government body alone on a line between the headline and the date (保定市统计局 / 2026年3月15日):
 * the issuer, not the headline.
 */
export const ISSUER_LINE_RE = /^[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|办公室|办公厅|委员会|统计局|局|委|厅|办|中心)$/;
export const ISSUER_LINE_EXAMPLES = [
  { in: "保定市统计局", issuer: true },
  { in: "某县人民政府办公室", issuer: true },
  { in: "2025年保定市国民经济和社会发展统计公报", issuer: false },
  { in: "市统计局召开年度工作会议", issuer: false },
];

export const SITE_NAME_RE = /^[\u4e00-\u9fff]{1,10}(?:新闻网|網|网|网站|门户|门户网站|频道|客户端|日报|晚报|报|电视台|融媒体中心|发布)$/;

/** An outlet or issuing body named last on a date line: 2022年11月03日 10:00 澎湃新闻 / 2023-05-06 扬子晚报 / 2023年04月20日 10:18 成都市人民政府办公厅. Group 1 = the outlet. */
export const OUTLET_AFTER_DATE_RE = /[0-9]\s{1,4}([\u4e00-\u9fff]{2,10}(?:新闻|新聞|[日晚晨商时時][报報]|[网網]|客户端|客戶端|电视台|電視台|融媒体中心|融媒體中心|人民政府(?:办公室|办公厅)?|[局厅委办]))\s*$/;

/**
 * A headline followed on the same line by the article's date or its date or source label (a page
 * flattened to one line). Group 1 = the headline.
 */
export const FLAT_TITLE_RE = /^([^\s。，,；;：:！？!?|｜]{4,40})\s+(?:(?:19|20)[0-9]{2}[-/.年]|(?:发布|發佈|发表|更新)?(?:时间|時間|日期)\s*[:：]|(?:来源|來源)\s*[:：])/;

/**
 * The breadcrumb a flattened page opens with (首页 > 新闻中心 > 本地要闻 ): its segments and the
 * last one, which the headline follows after a space.
 */
export const FLAT_BREADCRUMB_RE = /^(?:[^\s>»›]{1,12}\s*[>»›]\s*){1,8}[^\s>»›]{1,12}\s+/;

/** A flattened headline holds words (two ideographs): a date line before its label (2022-05-17 来源:…) is none. */
export const FLAT_TITLE_WORDS_RE = /[\u4e00-\u9fff]{2}/;

/** How far after a flattened headline its date may stand (a label, a space): further on it is an event's. */
export const FLAT_DATE_REACH = 12;

/** Site-navigation words that open a page but are not its title. */
export const NAV_LINE_RE = /^(?:搜索|网站首页|首页|首頁|登录|注册|返回|导航|菜单|[您你]?(?:当前|现在|所在)?的?位置)[:：]?|\s[>»›]\s/;

/**
 * What a goal's actor looks like: a place or a body (金山桥街道, 高邮市, 区政府, 市发改委,
 * 开发区管委会, 某集团). A bare name (高邮) counts when the text also writes it with an
 * administrative suffix; verb phrases (紧盯既定, 找准内涵) never do.
 */
// Small shapes of the header lines read by meta.ts.
/** Separators between the outlet names of a site line (经济日报-中国经济网). */
export const SITE_LINE_SPLIT_RE = /[-—|｜·・\s]+/;
/** Sentence punctuation: a line without it is a bare title. */
export const TITLE_PUNCT_RE = /[。，,；;！？!?]/;
/** A title does not end in a full stop or a colon. */
export const TITLE_BAD_END_RE = /[。:：]$/;
/** A line that opens with a date (2024年3月 / 2024-03), not a year (2024年政府工作报告). */
export const DATE_OPENING_RE = /^[0-9]{4}(?:年\s*[0-9]{1,2}\s*月|[-/.][0-9]{1,2})/;
/** Quotes around a front-matter value (title: '…'). */
export const FRONT_MATTER_QUOTES_RE = /^['"]|['"]$/g;
/** A URL, not an outlet. */
export const URL_LIKE_RE = /^(?:https?|www|URL)/i;
/** Clause punctuation: a date line has none (a lead sentence does). */
export const CLAUSE_PUNCT_RE = /[,，。;；]/;
/** One whitespace character. */
export const SPACE_RE = /\s/;
/** A heading line with a digit is a numbered or dated line, not a place's name. */
export const HAS_DIGIT_RE = /[0-9]/;
/** A development zone named in a heading (徐州经开区, 高新区): no division, so no gazetteer name. */
export const HEADING_ZONE_RE = /(?:开发区|開發區|经开区|經開區|高新区|新区)$/;
export const ACTOR_SUFFIX_RE = /(?:街道|开发区|開發區|经开区|經開區|高新区|高新區|新区|新區|园区|園區|[区區县縣市镇鎮乡鄉村省]|政府|党委|黨委|党工委|黨工委|管委会|管委會|委员会|委員會|[委局厅廳办辦部署]|中心|公司|集团|集團)$/;
export const ADMIN_SUFFIXES = ["街道", "区", "區", "县", "縣", "市", "镇", "鎮", "乡", "鄉"] as const;

/**
 * Labelled header fields (标题：…, 发文单位：…, 发文时间：…, 来源：…, 作者：…): a known label at the
 * start of a line, then the value (on the same line, or on the next when the label stands
 * alone: 发表时间：/2026-02-09); a space may stand for the colon before a date (添加时间 2026/2/12
 * 15:20:47). Group 1 = the label, group 2 = the value. Any line that opens with one of these
 * labels is page metadata, never the headline.
 */
export const LABELLED_LINE_RE =
  /^[【\[]?\s*(标题|題目|题目|文章标题|发文单位|发文机关|发布机构|发布单位|发文时间|发布时间|发表时间|发布日期|发文日期|成文日期|更新时间|添加时间|发稿时间|录入时间|日期|时间|来源|稿源|信息来源|来源URL|作者|编辑|责任编辑|报告人|正文|版次|版面|备注|索引号|文号|发文字号|主题分类|组配分类|公开方式)(?:\s*[:：]\s*|\s+(?=(?:19|20)[0-9]{2}[-/.年]))(.{0,200})$/;

/** What each label gives. Labels not listed only mark the line as metadata. */
export const LABEL_FIELD: Readonly<Record<string, "title" | "issuer" | "date" | "source" | "author">> = {
  标题: "title", 題目: "title", 题目: "title", 文章标题: "title",
  发文单位: "issuer", 发文机关: "issuer", 发布机构: "issuer", 发布单位: "issuer",
  发文时间: "date", 发布时间: "date", 发表时间: "date", 发布日期: "date", 发文日期: "date", 成文日期: "date", 日期: "date", 时间: "date",
  添加时间: "date", 发稿时间: "date", 录入时间: "date",
  来源: "source", 稿源: "source", 信息来源: "source",
  作者: "author",
};

/**
 * A row of a government-site metadata table, labels and values separated by spaces:
 * 发布机构 金乡县发展和改革局 组配分类 发展计划 / 索 引 号 113708…/2021-01956 公开方式 主动公开 /
 * 成文日期 2021-02-22 废止日期 / 有效性. Tested on the line with its spaces removed. Group 1 = the
 * label the line opens with.
 */
export const METADATA_ROW_RE =
  /^(索引号|公开方式|发布机构|发文机关|组配分类|主题分类|成文日期|发布日期|废止日期|生效日期|有效性|发文字号|文号|公开范围|公开时限|信息分类|体裁分类|服务对象)/;
/** The longest METADATA_ROW_RE label is shorter than this: so many characters without spaces decide a row. */
export const METADATA_HEAD = 16;
/** Runs of whitespace (removed from a line before METADATA_ROW_RE). */
export const SPACES_RE = /\s+/g;
/** The value of a metadata-table field (发布机构 金乡县发展和改革局 组配分类 …): group 1, up to the next space. */
export const METADATA_ISSUER_RE = /^\s*(?:发布机构|发文机关)\s+([^\s]{2,30})/;

/**
 * Page controls, one per line or together: 下载 / 打印 / 全屏 / 收藏 / 【字号：加大 还原 减小】 /
 * 【字体：大 中 小】 / 分享到. Never a headline.
 */
export const CONTROL_LINE_RE =
  /^(?:[【\[】\]]|\s|[:：]|下载|打印|全屏|收藏|分享到?|关闭窗口|关闭|字号|字体|加大|还原|减小|默认|大|中|小|扫一扫|纠错)+$/;

/**
 * A line of bracketed page cells only: 【信息时间：2021-09-18】 【阅读次数：】 【我要打印】 【关闭】.
 * Its date may still date the page; it is never the headline.
 */
export const BRACKET_CELLS_LINE_RE = /^(?:\s*[【\[][^】\]\n]{0,30}[】\]])+\s*$/;
/** A byline alone on its line: ◎ 本报记者 王明 / 通讯员 李华 张强. Never the headline. */
export const BYLINE_LINE_RE = /^[◎●○■□\s]*(?:本报|本台|本网|本刊)?(?:见习|特约|首席|实习)?(?:记者|通讯员)[\s\u4e00-\u9fff、]{2,24}$/;
export const FURNITURE_LINE_EXAMPLES = [
  { in: "【信息时间：2021-09-18】 【阅读次数：】 【我要打印】 【关闭】", furniture: true },
  { in: "◎ 本报记者 王明", furniture: true },
  { in: "通讯员 李华 张强", furniture: true },
  { in: "【政府工作报告】2024年政府工作报告", furniture: false },
  { in: "记者从市住建局获悉，今年新增停车位5000个", furniture: false },
];

/** A site's network or technical-support line: 杭州网 · 千岛湖网 网络支持:杭州网络传媒有限公司. */
export const SUPPORT_LINE_RE = /(?:网络支持|技术支持|技术服务|网站支持|主办单位|承办单位)\s*[:：]/;

/**
 * A numbered section heading of a report or plan (一、… / （一）… / 第一部分 / 1. …): the page
 * is a section of a longer document, and a section heading is never its title (ANNOTATION.md).
 */
export const SECTION_HEADING_RE = /^(?:[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}(?:部分|章|篇|节)|[0-9]{1,2}[、．.](?![0-9]))/;

/**
 * The subtitle of a work report: the day it was delivered, at which session —
 * ——2026年2月3日在上海市第十六届人民代表大会第四次会议上 / 二〇二六年一月二十七日在…会议上.
 * A subtitle is not the title; its date is the report's date. Groups: Arabic y, m, d or the
 * Chinese-numeral y, m, d (read with CN_DATE_DIGITS).
 */
export const REPORT_SUBTITLE_RE =
  /(?:((?:19|20)[0-9]{2})年\s?([0-9]{1,2})月\s?([0-9]{1,2})日|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日)\s?在/;
/** …and the session it was given at, later on the same line: …在某省第十四届人民代表大会第四次会议上. */
export const REPORT_SESSION_RE = /(?:会议|大会)上/;
/** A subtitle line without a date: ——在保定市第十二届人民代表大会第四次会议上. */
export const SUBTITLE_LINE_RE = /^(?:——|--|―|－－|在[^。\n]{2,40}(?:会议|大会)上)/;

/** A headline's subtitle after a dash (政府工作报告——2014年1月8日在…会议上 -> 政府工作报告). */
export const TITLE_SUBTITLE_SPLIT_RE = /——|――|--/;

/** A date written next to an event label is the event's, not the page's: 活动日期 | 2021-01-30. */
export const EVENT_DATE_LABEL_RE = /(?:活动|服务|开始|结束|截止|报名|举办|会议|废止|失效|生效|有效|开展|采集|出生)(?:日期|时间)/;

/** Front matter (--- … ---) fields: `title: '…'`, `date: 2022-08-03` / `date: Wed, 03 Aug 2022 12:24:18 GMT`. Group 1 = key, 2 = value. */
export const FRONT_MATTER_FIELD_RE = /^(title|date):\s*(\S[^\n]{0,199})$/;
/** An RFC 2822 date as written (the day as written, no time-zone shift): 03 Aug 2022. Groups: d, month, y. */
export const RFC2822_DATE_RE = /([0-9]{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+((?:19|20)[0-9]{2})/;

/** An outlet or issuing body named first on a date line: 四川日报    2020年09月14日 / 某某县统计局 2024-01-02. Group 1 = the outlet. */
export const OUTLET_BEFORE_DATE_RE = /^([\u4e00-\u9fff]{2,10}(?:新闻|新聞|[日晚晨商时時][报報]|[网網]|客户端|客戶端|电视台|電視台|融媒体中心|融媒體中心|人民政府(?:办公室|办公厅)?|[局厅委办]))\s+(?:19|20)[0-9]{2}\s*[-/.年]/;

/** A dispatch byline: 南方财经全媒体 见习记者石恩泽 深圳报道. Group 1 = the outlet. */
export const BYLINE_RE = /(?:^|[>\s　])([\u4e00-\u9fff]{2,12})\s+(?:见习|特约|首席|实习)?记者\s?[\u4e00-\u9fff]{2,4}\s+[\u4e00-\u9fff]{2,8}报道/;

/**
 * The outlet whose reporter is spoken to: 对第一财经记者说 / 接受新华社记者采访. Group 1 = the
 * outlet; callers require it twice (a single 对X记者 may be a phrase).
 */
export const REPORTER_OF_RE = /(?:对|向|告诉|接受)([\u4e00-\u9fff]{2,8})(?:见习|特约|首席)?记者/g;
/** Words that are not outlets before 记者: 本报, 前来采访的, 广大. */
export const NOT_OUTLET_RE = /^(?:本报|本台|本网|本刊|本站|媒体|前来|广大|各位|各路|中外)|[的了来们各位名]/;
