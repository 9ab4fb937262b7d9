/**
 * Article facts: publication date, source outlet. Bounded patterns only.
 */

/** 来源:淮北日报 2020/01/10 · 来源: 扬州日报-扬州网 · 來源：人民網. Group 1 = the outlet. */
export const SOURCE_RE = /(?:来源|來源|稿源|转自|轉自)\s*[:：]\s*([^\s|｜,，;；。:：】\])）>]{2,30})/;

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
export const SITE_NAME_RE = /^[\u4e00-\u9fff]{1,10}(?:新闻网|網|网|网站|门户|门户网站|频道|客户端|日报|晚报|报|电视台|融媒体中心|发布)$/;

/** An outlet named last on a date line: 2022年11月03日 10:00 澎湃新闻 / 2023-05-06 扬子晚报. Group 1 = the outlet. */
export const OUTLET_AFTER_DATE_RE = /[0-9]\s{1,4}([\u4e00-\u9fff]{2,10}(?:新闻|新聞|[日晚晨商时時][报報]|[网網]|客户端|客戶端|电视台|電視台|融媒体中心|融媒體中心))\s*$/;

/** A headline followed on the same line by the article's date (a page flattened to one line). Group 1 = the headline. */
export const FLAT_TITLE_RE = /^([^\s。，,；;：:！？!?|｜]{4,40})\s+(?:19|20)[0-9]{2}[-/.年]/;

/** Site-navigation words that open a page but are not its title. */
export const NAV_LINE_RE = /^(?:搜索|网站首页|首页|首頁|登录|注册|返回|导航|菜单|[您你]?(?:当前|现在|所在)?的?位置)[:：]?|\s[>»›]\s/;

/**
 * What a goal's actor looks like: a place or a body (金山桥街道, 高邮市, 区政府, 市发改委,
 * 开发区管委会, 某集团). A bare name (高邮) counts when the text also writes it with an
 * administrative suffix; verb phrases (紧盯既定, 找准内涵) never do.
 */
export const ACTOR_SUFFIX_RE = /(?:街道|开发区|開發區|经开区|經開區|高新区|高新區|新区|新區|园区|園區|[区區县縣市镇鎮乡鄉村省]|政府|党委|黨委|党工委|黨工委|管委会|管委會|委员会|委員會|[委局厅廳办辦部署]|中心|公司|集团|集團)$/;
export const ADMIN_SUFFIXES = ["街道", "区", "區", "县", "縣", "市", "镇", "鎮", "乡", "鄉"] as const;
