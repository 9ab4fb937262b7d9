/**
 * The one summary shape shared by the extractor, the Worker (pipeline, API, feeds, pages), the
 * CLI and the tests. Field names follow ../shared/corpus/ANNOTATION.md (score.mjs reads them).
 *
 * Offsets (`start`/`end`) are UTF-16 code-unit indexes into the ORIGINAL text given to
 * `extract()`, so `text === original.slice(start, end)` always holds.
 */

/** The one list of each: the D1 schema, the API schemas and every type below are built from these. */
export const APPROXES = ["more_than", "less_than", "about"] as const;
export const KINDS = ["reported", "target"] as const;
export type Approx = (typeof APPROXES)[number];
export type Kind = (typeof KINDS)[number];

export interface Figure {
  /** The figure as written, verbatim from the original text (12亿元, 1.9万余名, 3-5家, 57.3%). */
  text: string;
  start: number;
  end: number;
  /** Number in base units: 12亿元 -> 1200000000; 57.3% -> 57.3. Always finite. */
  value: number;
  /** Upper end of a range (3-5家 -> 5); absent otherwise. Always >= value. */
  value_max?: number;
  /** Unit or measure word with the magnitude removed: 元, 美元, %, 个百分点, 个, 家, 人 ... */
  unit: string;
  approx?: Approx;
  /** Short noun phrase the figure measures (财政收入), without bracketed pinyin. */
  metric?: string;
  /** True when the figure is a change (增长, 下降, 提高, 同比) rather than a level. */
  change?: boolean;
  kind: Kind;
  /** The sentence the figure sits in, verbatim, and where it starts in the original text. */
  sentence?: string;
  /** Locality the figure is attributed to: the division's simplified full name (洪畴镇). */
  place?: string;
  /** GB/T 2260 code of `place` (340000, 130600, 130628101); absent for places outside the divisions data. */
  place_code?: string;
  /** Canonical metric key from the metric-keys rules (地区生产总值 for 全省生产总值 / GDP); absent when no rule knows it. */
  metric_key?: string;
  /** Period the figure is about, normalised: 2025, 2022-H1, 2024-Q3, 2024-01..10, 2021..2025. */
  period?: string;
  /** The time words the period was read from, as written (今年, 到2025年, 十四五时期). */
  period_text?: string;
  /** True when the figure's paragraph is repeated word for word later (the copies are skipped). */
  dup?: boolean;
}

export interface Goal {
  /** The clause, verbatim from the original text. */
  text: string;
  start: number;
  end: number;
  /** `text` of each target figure inside the clause. */
  figures: string[];
  /** As written: 年内, 到2025年, 十四五期末, 年底前, 每年. */
  deadline?: string;
  /** Place or body committing (金山桥街道, 高邮). */
  actor?: string;
  /** The goal's place (its clause's place, else the article's primary place) and its GB/T 2260 code. */
  place?: string;
  place_code?: string;
  /** The goal's deadline normalised as a period (see Figure.period). */
  period?: string;
}

/** A place the article is about: the division's simplified full name, its code, the form the text writes. */
export interface PlaceRef {
  name: string;
  code: string | null;
  written: string;
  /** For a village, community or zone (八里庙村, 经开区): the storage key of the division that holds it. */
  parent_code?: string | null;
}

export interface Summary {
  title: string | null;
  /** YYYY-MM-DD of the article itself; null when the text does not say. */
  published: string | null;
  /** The outlet (淮北日报); null when absent. */
  source: string | null;
  /** The places the article is about, its primary place first (see src/extract/places). */
  places: PlaceRef[];
  figures: Figure[];
  goals: Goal[];
  /** What the extractor capped or skipped (the summary is still complete for what it read). */
  warnings: string[];
  /** Stages that threw: the summary is partial and must not be stored as a success. Empty on
   * every good extraction. */
  errors: StageError[];
}

/** A stage of extract() that threw, and what it threw (`TypeError: …`). */
export interface StageError {
  stage: "input" | "normalise" | "facts" | "sections" | "figures" | "places";
  message: string;
}
