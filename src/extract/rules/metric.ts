/**
 * Metric trimming: what to peel off the phrase before (or after) a figure to leave the noun
 * phrase it measures. Examples: 预计全年实现财政收入12亿元 -> 财政收入; 固定资产投资增长8.7% ->
 * 固定资产投资 (change); 空气质量优良天数达200余天 -> 空气质量优良天数; 1200个贫困户 -> 贫困户.
 */

/** Leading markup and brackets (<p class=…>, （占…), time, scope, marker and light-verb words (peeled repeatedly). */
export const METRIC_LEAD_RE =
  /^(?:<[^<>\n]{0,120}>|[(（【\[“"]|这一年|一年来|今年以来|今年|去年|前年|上年|本年|全年|[0-9]{1,2}(?:[-—~至][0-9]{1,2})?月份?|年内|年底前|年底|年末|每年|当年|预计全年|预计|到20[0-9]{2}年(?:底|末)?前?|20[0-9]{2}年(?:底|末)?前?|(?:未来|今后)?[一二三四五两几0-9]年(?:内|来)?|十[一二三四五六七八九]五(?:期末|末|内|期间)?|上半年|前三季度|同时|其中|此外|另外|力争|确保|争取|计划|努力|力求|将|要|全力|着力|重点|共|累计|实现|达到|完成了|共有|拥有|有|全区|全市|全县|全镇|全省|全乡|全街道|一批|该区|我区|我市|我县|并|还|再|已|已经|均|都|也)/;

/** A short subject and its marker at the start: 高邮市将打造…, 该县计划每年招引… */
export const METRIC_SUBJECT_RE = /^[\u4e00-\u9fff]{0,6}?(?:将(?!军|来|近)|计划|力争|确保|争取)/;

/**
 * A leading locality (the subject, not the measure): 經開區新增企業 -> 新增企業, 新竹县去年观光人次
 * -> 去年观光人次 (the time word is peeled next).
 */
export const METRIC_PLACE_LEAD_RE = /^[\u4e00-\u9fff]{1,4}?(?:街道|区|區|县|縣|市|镇|鎮)(?=今年|去年|前年|上年|全年|上半年|前三季度|新增|新建|实现|實現|完成|共有|累计|累計|引进|引進|招引|建成|培育|打造|实施|實施|投入|发放|發放|开工|開工)/;

/** Trailing verbs, change words and approximation words (peeled repeatedly). */
export const METRIC_TAIL_RE =
  /(?:(?:高于|低于|快于|慢于)[^，。；,;]{0,6}?平均(?:水平|值)?|分别|预计|均|增速|增幅|迈上|迈入|跨上|站上|登上|同比|环比|[比较](?:过去[0-9一二三四五六七八九十两]{1,2}年|上年|去年|前年|上月|同期|20[0-9]{2}年[末底]?)(?:同期)?|增长|成长|录得|下降|提高|降低|减少|增加|上升|回落|达到|达|为|是|有|共计|累计|共|突破|超过|不少于|不低于|不超过|不到|低于|约|近|控制在|稳定在|保持在|完成|实现|至|到|了|在|的)$/;

/** Words that end a noun phrase read after a figure: 5个养老服务指导中心建成 -> 养老服务指导中心. */
export const METRIC_AFTER_STOP_RE =
  /人民币|用于|左右|以上|实现|获得|全面|成功|顺利|通过|开工|建成|分配|完成|入选|被|已|在|于|将|要|正|均|分别|获|达|占|共|和|及|与|等|全部|早|中(?![心学小国央医华共部型间])|的|得到|纳入|投入|开服|签约|落户|参与|参加|覆盖|受益|实施|进入|上市|取得|列入|荣获|达到|超过|同比|增长|下降|比|较|为|是|有|并|以|建设/;

export const METRIC_MAX = 24;
