/**
 * Page noise: pinyin in ASCII brackets after traditional characters, site chrome lines.
 */

/**
 * A bracket of pinyin right after a CJK character: 經(jīng)開區(qū), 爭當(dāng)標(biāo)桿, 們(men).
 * Real brackets never match: (2022—2025), 县(区), 村(社区), (地铁4号线…).
 * Content is 1–7 lowercase letters (tone-marked vowels included); whether it is stripped is
 * decided in normalise.ts (toned, or toneless and a valid syllable in a document with toned ones).
 * Sticky: normalise finds the brackets by a native search and tries the rule at each.
 */
export const PINYIN_BRACKET_RE =
  /[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7})[)）]/y;

/** A tone-marked vowel: the sign of a pinyin annotation. */
export const TONE_MARK_RE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

/** A valid toneless syllable (initial + final): men, de, dao, qu, zhuang. */
export const PINYIN_SYLLABLE_RE =
  /^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|üe|ün|ve|a|o|e|i|u|ü|v)$/;

/**
 * Whole lines that are site chrome (masked for figures; header lines still feed the facts), in
 * two kinds. Notices: bylines, editors, statements, contacts, copyright, advertisements — a
 * sentence of these (声明:凡本网注明…,版权均为本网所有。) is chrome too.
 * Examples: 责任编辑:张三 / 来源:淮北日报 / 扬州网新闻热线:0514-87863284 / 声明:凡本网注明… /
 * 摄影 记者 梅月.
 */
export const CHROME_NOTICE_RES: RegExp[] = [
  // Bylines only when the line is short: 记者从县发改委获悉，今年以来… is body text.
  /^[(（【\[■]?\s*(?:来源|來源|稿源|作者|记者|記者|通讯员|通訊員|摄影|攝影|图片|圖片|编辑|編輯|图\/文|文\/|本报讯|本報訊)[^。]{0,40}$/,
  /^[(（【\[]?(?:责任编辑|責任編輯|责编|校对|审核|审校|声明|聲明|版权|版權|免责|主办|承办|协办|网站标识码|Copyright|©)/,
  /(?:热线|熱線|电话|電話|传真|邮箱|E-?mail)[:：]?\s*[0-9(]/i,
  /(?:版权所有|版權所有|All Rights Reserved|ICP备|ICP證|未经(?:本网)?(?:书面)?授权|公益广告|广告热线|广告服务)/i,
  // Short promotional lines with two ad words: 炒股开户享福利，入金抽188元红包，100%中奖！
  // ([中抽]奖, not 中奖|抽奖: a match then needs 奖, not the common 中, and the line filter of
  // anyMatch passes over most lines without running this.)
  /^[^\n]{0,40}?(?:开户|红包|[中抽]奖|优惠券|扫码领)[^\n]{0,40}(?:开户|红包|[中抽]奖|优惠券|福利|扫码)[^\n]{0,40}$/,
];

/**
 * Navigation: controls, counters, link lists, breadcrumbs and bars, dated link lines. A page
 * flattened to one line opens with a paragraph that holds its breadcrumb, headline, date line and
 * first sentence: one of these matching a paragraph of sentences (normalise.ts) is no chrome.
 * Examples: 相关阅读: / 热点文章推荐 / 搜索 / 2020年12月23日 10阅读 来源:淮北日报 / 首页 > 新闻中心.
 */
export const CHROME_NAV_RES: RegExp[] = [
  /^[(（【\[]?(?:浏览量|阅读量|點擊|点赞|评论|转发|相关阅读|相關閱讀|相关文章|相關文章|相关新闻|热点文章|熱點文章|推荐阅读|延伸阅读|打印|关闭|關閉|分享|收藏|搜索|首页|首頁|返回|上一篇|下一篇|扫一扫|二维码|当前位置|您的位置|您现在的位置|字号|字体|网站地图|联系我们|浏览次数|阅读次数|点击数|点击量|访问量|【(?:打印|关闭|收藏)】|■)/,
  /(?<![0-9])[0-9]{1,12}\s{0,3}(?:阅读|閱讀|次浏览|浏览量|人阅读|点击)/,
  /^[|｜\s]+$/,
  // Link lists: bullet items and lines that end in a date (· 全县新增企业120家 2023-04-01).
  /^[·•●▪◆■□>》]/,
  // Navigation bars: 网站首页 | 政务公开 | 新闻中心, 首页 > 新闻中心 > 乡镇动态; not a record's
  // table row whose cell is a quantity (服务时长 | 2小时 | 活动日期 | …).
  /^(?![^\n]*[|｜]\s?[0-9]{1,6}(?:\.[0-9]{1,4})?\s?[\u4e00-\u9fff%]{1,3}\s?[|｜])[^\n]*?[|｜>»›][^|｜>»›\n]{1,12}[|｜>»›]/,
  /^[您你]?(?:当前|现在|所在)的?位置/,
  /(?:^|\s)(?:网站首页|網站首頁|首页|首頁)(?:\s|$|[|｜>])/,
  /(?:^|\s)(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}\s*$/,
];

export const CHROME_LINE_RES: RegExp[] = [...CHROME_NOTICE_RES, ...CHROME_NAV_RES];

/** A header of related-link lists: the short lines after it are links, not body. */
export const RELATED_HEADER_RE =
  /^[^。，,]{0,20}(?:公益广告|广告位)|^[【\[]?(?:相关阅读|相關閱讀|相关新闻|相關新聞|相关文章|相關文章|推荐阅读|推薦閱讀|热点文章|熱點文章|延伸阅读|热门推荐|熱門推薦|猜你喜欢|更多新闻|往期回顾|热点新闻|最新新闻|图片新闻|新闻排行)/;

/** Lines at most this long after a related-links header are links. */
export const MAX_LINK_LINE = 50;

/**
 * Paragraph breaks: a line break, or one of these sentence ends followed by a space or tab (pages
 * flattened to one line separate paragraphs by a space: "…召開。 區黨工委副書記…"). Read by
 * normalise's one pass over the text, by code unit.
 */
export const PARAGRAPH_ENDS = "。！？!?";

/** Lines shorter than this are never treated as duplicate paragraphs (headings repeat). */
export const MIN_DUP_PARAGRAPH = 12;

/**
 * Hard line wraps (src/extract/unwrap.ts). A text is wrapped when at least MIN_WRAPPED_LINES lines,
 * and MIN_WRAP_SHARE of all its lines, fill the most common width (in display columns, at least
 * MIN_WRAP_WIDTH) to within WRAP_SLACK columns (a CJK character that would not fit goes to the next
 * line) and end without one of LINE_END_MARKS.
 */
export const LINE_END_MARKS = "。！？!?；;：:…”’」』）)";
export const MIN_WRAPPED_LINES = 4;
export const MIN_WRAP_SHARE = 0.3;
export const MIN_WRAP_WIDTH = 30;
export const WRAP_SLACK = 3;
