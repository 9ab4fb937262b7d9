/**
 * Action verbs of plans and results: what is done to the things a count counts (新建5个牧场,
 * 打通11条断头路, 培育科技型中小企业1.8万家). A shared part of the metric rule (a verb alone before
 * a count joins the noun after it) and the goal rule (an item after 、 that opens with one of
 * these is a promise of its own). Longer forms first so an alternation takes the whole verb.
 */
export const ACTION_VERBS = [
  "新改扩建", "改造提升", "提升改造", "新改建", "改扩建", "新开工", "新培育", "新建", "改建", "扩建", "改造", "建设", "建成",
  "开工", "打通", "打造", "培育", "创建", "引进", "治理", "整治", "修复", "组建", "设立", "招引", "落地", "签约", "选派",
  "培训", "救助", "发放", "安置", "回收", "筹集", "交付", "搬迁",
  "发布", "释放", "提供", "吸引", "招聘", "培养", "组织", "推出", "出台", "制定", "开通", "开行", "铺设", "栽植", "营造",
  "拆除", "关停", "淘汰", "压减", "化解", "处置", "盘活", "清理", "腾退", "流转", "帮扶", "资助", "吸纳", "带动", "转移",
  "接待", "引育", "储备", "争创", "申报",
].join("|");
