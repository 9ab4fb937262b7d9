/** The promise-tracking dev gold (copied from ../shared/promises/dev with its texts). */
import g1 from "../fixtures/promises/保定市_2015_2016.gold.json";
import g2 from "../fixtures/promises/保定市_2016_2017.gold.json";
import g3 from "../fixtures/promises/保定市_2021_2022.gold.json";
import g4 from "../fixtures/promises/河北省_2016_2017.gold.json";
import g5 from "../fixtures/promises/河北省_2019_2020.gold.json";
import type { Approx } from "../../src/extract/types";
import type { Direction } from "../../src/promises/verdict";

export interface GoldPromise {
  id: string;
  metric: string;
  target_text: string;
  target_clause: string;
  target_index: number;
  target_value: number;
  target_value_max?: number;
  unit: string;
  approx?: Approx;
  change: boolean;
  direction: Direction;
  outcome_text: string | null;
  outcome_value?: number | null;
  verdict: "met" | "missed" | "no_report";
  verdict_basis: "stated" | "derived" | "aggregate" | "none";
  verdict_strict: "met" | "missed" | "no_report";
}
export interface GoldPair {
  file: string;
  place: string;
  period: string;
  target_report: string;
  outcome_report: string;
  promises: GoldPromise[];
}

export const GOLD_PAIRS: GoldPair[] = (
  [
    ["保定市_2015_2016", g1],
    ["保定市_2016_2017", g2],
    ["保定市_2021_2022", g3],
    ["河北省_2016_2017", g4],
    ["河北省_2019_2020", g5],
  ] as const
).map(([file, g]) => ({ file, ...(g as unknown as Omit<GoldPair, "file">) }));
