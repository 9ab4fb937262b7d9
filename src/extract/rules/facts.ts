/**
 * Article facts: publication date, source outlet, places. Bounded patterns only.
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

/** Generic words that end in a place suffix but are not places: 全区, 城区, 园区, 社区, 市区 … */
export const NOT_PLACE_RE =
  /^(?:全|本|该|我|各|城|园|社|市|景|片|辖|老|新|小|山|矿|示范|试验|先行|起步|核心|主城|开发|集聚|功能|中心|省|都|城市|县域|县城|乡村|城乡|农村|区域|地区|街区|园区|社区|校区|厂区|库区|矿区|景区|片区|辖区|老区|新区|全市|全县|全省|全镇|本市|各县|各区|各镇|各市|城镇|乡镇|镇区|省级|市级|县级|区级|镇级|乡级|副市|超市|股市|楼市|门市|上市|城区)$/;

/** A counted or ranked noun is not a place name: 一名市领导, 两个区, 每个县, 国家级开发区, 省级新区. */
export const NOT_PLACE_START_RE = /^[一二三四五六七八九十两几每各][名个位家批些次届项条]|级/;

/** Endings that make a suffix word a common noun or slogan: 城市, 社区, 园区, 工业强区, 产业兴县. */
export const NOT_PLACE_END_RE = /(?:城市|都市|超市|上市|城区|社区|园区|景区|片区|辖区|地区|小区|市区|街区|厂区|矿区|校区|库区|山区|湖区|林区|牧区|灾区|示范区|先行区|试验区|功能区|集聚区|起步区|核心区|[强兴富美立安]区|[强兴富美立安]县|[强兴富美立安]市|[强兴富美立安]镇)$/;

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
