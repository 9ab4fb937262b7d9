/**
 * Markers for kind (reported vs target), change, and goal deadlines. Anchored or bounded
 * patterns; the scope logic lives in attribution.ts and goals.ts.
 */
import { ACTION_VERBS } from "./verbs";

/**
 * Goal markers that hold wherever they stand (own clause or earlier in the paragraph):
 * 力争新增总部企业20家, 确保年内…, 高邮计划每年…, 到2025年…, 年内新增…, 每年设立… — not a
 * past 确保了…, nor a share of a plan already met or beaten (占年计划投资的126%, 超计划19家), nor a target
 * compared with (失业率比省定目标低0.57个百分点), nor
 * 有计划地 (in an orderly way), nor expectations as a policy object or a noun (稳就业、稳预期, 改善社会预期, 好的预期不断释放) or a result weighed against one (不及预期, 超预期), nor 人均预期寿命 (life
 * expectancy) or 预期性指标 (a kind of indicator).
 */
export const GOAL_MARKER_RE =
  /力争|确保(?!了)|争取|力求|(?<!完成(?:了)?(?:全年|年度)?)(?<![占超](?:全年|年度?)?)(?<!有)计划(?![单生”"的内数、，,。；;0-9]|入选|项目)|(?<!完成(?:了)?(?:全年|年度)?)(?<![占超比较](?:全年|年度?|[省市县]定)?)目标(?!导向)|到20[0-9]{2}年|年内|每年|年底前|(?<=20[0-9]{2})年前(?![一二三四两][季个])|十[一二三四五六七八九]五”?(?:期末|末|内|期间)|拟(?!人|定稿)|(?<![稳定善场会强弱理的及超合于])预期(?!管理|引导|不足|转弱|偏弱|寿命|性)|将要|务必/g;

/** 争取 / 计划 that are past facts or names: 成功争取资金, 累计争取…, “765”计划, 三年行动计划. */
export const MARKER_VETO_BEFORE_RE = /(?:成功|已|积极|累计|行动|”|")$/;

/**
 * 将 as the future tense (广陵将认真贯彻, 我们将聚焦, 邗江将把…作为), not 将 = 把 (始终将党的
 * 政治建设摆在首位, 牢牢将…抓在手上). Future when the subject before it is short and ends in a
 * name-like char, or when a future verb follows.
 */
export const JIANG_FUTURE_AFTER_RE =
  /^(?:坚持|继续|深入|全力|认真|进一步|加快|着力|大力|持续|重点|聚焦|紧盯|紧紧|通过|按照|努力|打造|实施|建设|推进|力争|确保|全面|不折不扣|时刻|坚决|围绕|以|在|把|对|于|迎来|启动|新建|新增|培育|引进|招引|建成|完成|实现|达到|投入|开展|举办|出台|落实|推动|构建|强化|严格|始终坚持|切实|积极|更加|每年|于)/;
export const JIANG_VETO_BEFORE_RE = /(?:始终|牢牢|要|必须|应|须|并|即|可|都|也|则|又|就|才|切实|真正|积极|充分)$/;
export const JIANG_VETO_AFTER_RE = /^(?:来|近|军|领|士|其|之)/;

/** 要 as a modal (要把…, 要强行军, 全区上下要…), not 要求 / 主要 / 重要 / 需要. */
export const YAO_VETO_BEFORE_RE = /(?:重|主|需|只|必|纲|概|首|提|扼|摘|次|紧|想|政|机|显|险|切)$/;
export const YAO_VETO_AFTER_RE = /^(?:求|点|素|闻|害|务|件|领|么|紧|是|不|员|塞|地|职)/;

/**
 * Markers that only set a plan's time (每年, 年内, 到2025年, 十四五期末, 年底前): in a review
 * section they describe what was done (五年来每年实施20项民生实事), so they do not make targets there.
 */
export const WEAK_MARKER_RE = /^(?:每年|年内|年底前|年前|到20[0-9]{2}年|十[一二三四五六七八九]五)/;

/**
 * A result cue inside a plan section (the section makes figures targets; these say otherwise):
 * 预计全年实现…, 去年…, 已建成…, 截至…, 现有…, 今年以来… — but not 比上年 or 由上年的 (a target's base;
 * the starting level of a from–to change is reported by FROM_LEVEL_BEFORE_RE).
 */
export const PLAN_REPORTED_RE = /预计|已经|已(?![知经])|现有|截至|截止|一年来|今年以来|(?<![比较同与由从])(?:去年|上年)(?!度|同期)|(?<![较比])过去|目前/;

/** A clause that reports a result even inside a forward-looking paragraph. */
export const REPORTED_CLAUSE_RE =
  /预计全年|完成(?:了)?(?:全年|年度)?(?:目标|计划|任务)|已经|已(?![知经])|现有|累计|去年|上半年|前三季度|第?[一二三四1-4]季度(?!末)|[0-9]{1,2}[-—~至][0-9]{1,2}月|截至|截止|一年来|今年以来|这一年|(?<![较比])过去/;

/**
 * A comparison with the year before in a review section's clause (同比下降19.4%, 比上年增长6%) is a
 * measured result even when an earlier clause of the sentence names a goal (把…作为奋斗目标，…同比下降).
 */
export const YEAR_ON_YEAR_RE = /同比|[比较](?:上年|去年)(?!同期目标)/;

/**
 * A goal named as a noun in an earlier clause (把…作为奋斗目标，, 聚焦…目标任务体系，): in a review it
 * is the aim of the work the sentence goes on to report, not a marker over the figures after it.
 */
export const AIM_NOUN_RE = /^目标$/;

/** 争取 as "secured" in a review (争取国家政策性资金超千亿元, 争取中央预算内投资…, 争取中央转移支付…, 争取国家“两重”建设任务162项, 争取用地指标): a result. */
export const SECURED_AFTER_RE = /^(?:到|得)?(?:国家|中央|上级|省级?|各类|各级)?[\u4e00-\u9fff“”"]{0,10}?(?:资金|政策|项目|债券|专项债|国债|投资|额度|支持|转移支付|补助|贷款|任务|指标)/;

/** A floor or ceiling written on a figure under a goal marker: 不少于25个, 不低于1亿元, 不超过3%. */
export const COMMITTED_BOUND_RE = /不少于|不低于|不超过|不高于/;

/**
 * The starting level of a from–to change is a level already reached, reported even under a goal
 * marker: 力争企业数量由目前的11家增至22家以上, 城镇化率由2020年的60%提高到65% (the 22家 and 65%
 * stay targets). Before the figure / after it.
 */
export const FROM_LEVEL_BEFORE_RE = /(?:由|从)(?:目前|现在|现有|当前|去年|上年|(?:19|20)[0-9]{2}年(?:底|末)?)?的?$/;
export const TO_LEVEL_AFTER_RE = /^(?:以上|左右)?(?:提高|提升|增加|增长|下降|降低|减少|扩大|缩小|上升|增|降|升|减)?(?:至|到)/;

/** Partitive description of an existing set: 7个百亿项目中…部分开服 -> reported (not 中心, 中学, 中试: 2—3家创新中心; not 高中, 县中, 城中村, 集中). */
export const PARTITIVE_AFTER_RE = /^[\u4e00-\u9fff]{0,8}(?<![高初县城集空])中(?![心学小国央医华共部型间试村])[\u4e00-\u9fff]/;

/**
 * Change words between the metric and the figure: 增长57.3%, 同比增长9%, 提高2个百分点,
 * 较前年成长百分之十二 (成长 is the Taiwan usage), 比去年同期增加3个.
 */
export const CHANGE_RE = /增长|成长|下降|提高|降低|减少|削减|增加|上升|回落|增幅|增速|同比|环比|[比较](?:过去[0-9一二三四五六七八九十两]{1,2}年|上年|去年|前年|上月|同期|20[0-9]{2}年[末底]?)|下滑|上涨|缩减|翻番|扩大/;

/** A change word ending in 至/到 gives the new level, not the change: 失业率回落至2.9%, 提高到85%, 增长到2025年的4.93万亿元, 提高到每月815元. */
export const CHANGE_TO_LEVEL_RE = /(?:回落|下降|下滑|降低|降|提高|提升|增长|增加|上升|升|减少|扩大|缩减)(?:至|到)(?:(?:19|20)[0-9]{2}年(?:底|末)?的?)?(?:每人每[月年]|人均每?月|每人|每月|每年)?$/;

/** A change word right after the figure: 录得3.2%增长, 实现两位数的增幅 (not 3.68万亿元增长到…: the level it rose from). */
export const CHANGE_AFTER_RE = /^的?(?:增长|增幅|升幅|降幅|跌幅|下降|下跌)(?![至到])/;

/** A month, in a year or this year or none said: the part the month deadlines share. */
const MONTH_IN_YEAR = "(?:20[0-9]{2}年|今年)?(?<![0-9])(?:1[0-2]|[1-9])月";
/**
 * Deadlines as written (goal's own clause): 年内, 到2025年, “十四五”期末, 年底前, 每年, 全年, 当年,
 * and a month's end (6月底前, 到9月底, 2024年10月底前; a bare 6月 is a period, not a deadline).
 */
export const DEADLINE_RE = new RegExp(
  `到?${MONTH_IN_YEAR}(?:底|末|中旬|上旬|下旬)?前|到${MONTH_IN_YEAR}(?:底|末)?|` +
    "到20[0-9]{2}年(?:底|末)?|20[0-9]{2}年(?:底前|前|底|内)|“?十[一二三四五六七八九]五”?(?:期末|末|内|期间)|年底前|年内|每年|全年|当年|今年(?:底|内)?|本年度?|三季度末|四季度|(?<=20[0-9]{2})年前(?![一二三四两][季个])",
);

/** A goal's deadline as written (DEADLINE_RE read from the goal's clause); `deadline: null` none. */
export const DEADLINE_EXAMPLES: readonly { in: string; deadline: string | null }[] = [
  { in: "确保年内新增企业60家。", deadline: "年内" },
  { in: "力争年底前建成学校3所。", deadline: "年底前" },
  { in: "力争“十四五”内新培育规上文化企业20家以上。", deadline: "“十四五”内" },
  { in: "到2025年建成5G基站1万个。", deadline: "到2025年" },
  { in: "要在6月底前完成改造老旧小区20个。", deadline: "6月底前" },
  { in: "力争到9月底新建充电桩500个。", deadline: "到9月底" },
  { in: "确保2024年10月底前建成学校3所。", deadline: "2024年10月底前" },
  { in: "力争今年11月前新增就业岗位800个。", deadline: "今年11月前" },
  { in: "力争新增就业岗位800个。", deadline: null },
];

/** Time words that may stand before 将/要 where a subject would: 今年还将, 下一步将, 下半年要. */
const TIME_WORDS = "今年|明年|后年|年内|全年|年度|本年度|当年|上半年|下半年|[一二三四]季度|下一步|今后|未来|目前|当前|近期";
export const TIME_SUBJECT_RE = new RegExp(`^(?:${TIME_WORDS}){1,3}[还也又再都就仍]?$`);
/** Time words and adverbs at the end of a subject belong to the predicate: 晋江今年还将 -> 晋江. */
export const SUBJECT_TAIL_RE = new RegExp(`(?:${TIME_WORDS}|还|也|又|再|都|就|仍){1,3}$`);
/** Leading time words belong to the predicate too: 今年阜南县计划 -> 阜南县. */
export const SUBJECT_LEAD_RE = new RegExp(`^(?:${TIME_WORDS}){1,2}`);
/** A subject before a marker is CJK words only (广陵, 大庙街道, 我们). */
export const SUBJECT_WORDS_RE = /^[\u4e00-\u9fff]+$/;
/** A conjunction or preposition opens an adverbial, not a subject: 并在年底前完成…, 在年内…, 按照…将. */
export const ADVERBIAL_LEAD_RE = /^(?:[并且还再也又在于对把从向和与及]|按照|根据|依据|为了|通过|经过|围绕|对照)/;
/** Words no subject holds (modals, adverbs, goal words, numbers): 始终将, 全力确保, 各项目标将. */
export const NOT_SUBJECT_RE = /[0-9]|始终|牢牢|必须|一定|切实|坚决|全力|努力|千方百计|要|确保|力争|全年|目标|锚定|完成|各项|同时|并且|进一步|计划|将|每年|年内/;

/**
 * A comma clause has a predicate of its own (and so is its own goal) when one of these stands
 * before its first figure: 固定资产投资增长5% | 水利投资超220亿元 | 城镇新增就业人数45万人 |
 * 增长12%. A clause without one (总投资3000亿元以上, 10亿元以上企业30家) is another object of
 * the previous clause's verb and stays in its goal.
 */
export const GOAL_PREDICATE_RE = new RegExp(
  `增长|增加|增速|增幅|提高|提升|下降|降低|减少|削减|上涨|涨幅|达到|达|超过|超|突破|控制|稳定|保持|新认定|净增|实施|完成|实现|推进|推动|推广|抓好|开展|安排|认定|扶持|支持|聚焦|统筹|筹建|布局|落实|举办|建立|投入|覆盖|占|其中|均有|都有|力争|确保|争取|计划|每年|年内|新增|${ACTION_VERBS}`,
);
/**
 * An item after 、 in a target clause that opens with an action verb of its own is its own
 * promise (新增高新技术企业800家、培育科技型中小企业1.8万家: two goals); items without one are
 * objects of the clause's verb (新建物流配送中心36个、乡镇商贸中心425家: one goal). The gap from
 * the previous figure may hold its qualifier first (2万套以上、新建…).
 */
export const ITEM_VERB_RE = new RegExp(`^[^、，。；,;]{0,3}、(?:${ACTION_VERBS})`);
export const ITEM_VERB_EXAMPLES = [
  { in: "、培育科技型中小企业", own: true },
  { in: "以上、新建", own: true },
  { in: "、乡镇商贸中心", own: false },
  { in: "、增长", own: false },
];
export const GOAL_PREDICATE_EXAMPLES = ["固定资产投资增长", "水利投资超", "城镇新增就业人数", "增长", "其中规模企业工业总产值", "新建智能化煤矿", "推动", "修复治理退化草原", "全省21个市(州)均有上市企业"];
export const GOAL_PREDICATE_NOT = ["总投资", "年投资", "10亿元以上企业"];

/**
 * A clause that only frames what follows (聚焦13个产业集群, 依托50家龙头企业, 围绕10个重点领域):
 * a framing verb, then no predicate of its own (GOAL_PREDICATE_RE on the rest). Its figures
 * are the scope of the next clause's promise, so it joins that clause's goal.
 */
export const FRAMING_CLAUSE_RE = /^(?:[一二三四五六七八九十]是)?(?:聚焦|围绕|依托|立足|瞄准|紧扣|紧盯|对标|借助|针对)/;
export const FRAMING_CLAUSE_EXAMPLES = [
  { in: "聚焦13个产业集群", framing: true },
  { in: "三是依托50家龙头企业", framing: true },
  { in: "围绕重点领域新建30个园区", framing: false },
  { in: "新增高新技术企业150家", framing: false },
];

/** A clause that only states when: 到2025年, 到“十四五”期末, 年内, 今年底, 2024年底前. */
export const DEADLINE_ONLY_RE =
  /^(?:力争|确保|争取|计划)?(?:到|至)?(?:20[0-9]{2}年(?:底|末)?前?|“?十[一二三四五六七八九]五”?(?:期末|末|内|期间)?|年内|今年(?:底|内)?|年底前)$/;

/** Subjects that name no one in particular (区 alone, 我们, 全区上下); 区发改委 does. */
export const GENERIC_SUBJECT_RE = /^(?:我们|我|我区|我市|我县|(?:全[区市县镇]|各[级地])(?:上下)?|[区市县])$/;

/** Where a goal's deadline may be read from its list's lead: its own words plus a bare year and multi-year words. */
export const LEAD_DEADLINE_RE =
  /到20[0-9]{2}年(?:底|末)?|20[0-9]{2}年(?:底前|前|底|内)?|“?十[一二三四五六七八九]五”?(?:期末|末|内|期间|时期)?|(?:今后|未来)[一二三四五两0-9]年|年底前|年内|每年|全年|当年|今年(?:底|内)?|明年|本年度?/;
