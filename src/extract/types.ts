/**
 * The one summary shape shared by the extractor, the Worker (pipeline, API, feeds, pages), the
 * CLI and the tests. Field names follow ../shared/corpus/ANNOTATION.md (score.mjs reads them).
 *
 * Offsets (`start`/`end`) are UTF-16 code-unit indexes into the ORIGINAL text given to
 * `extract()`, so `text === original.slice(start, end)` always holds.
 */

export type Approx = "more_than" | "less_than" | "about";
export type Kind = "reported" | "target";

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
  /** Locality the figure is attributed to, when the text says (as written). */
  place?: string;
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
}

export interface Summary {
  title: string | null;
  /** YYYY-MM-DD of the article itself; null when the text does not say. */
  published: string | null;
  /** The outlet (淮北日报); null when absent. */
  source: string | null;
  /** Localities the article is about, as written (pinyin stripped). */
  places: string[];
  figures: Figure[];
  goals: Goal[];
  /** What the extractor could not read (never an exception). */
  warnings: string[];
}
