/**
 * The shape of a promises gold file (../shared/promises/README.md): shared by the vitest gold
 * check (test/promises/gold.ts) and the scorer (scripts/promises-score.ts).
 */
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
  /** The value a derived verdict rests on (verdict_basis "derived"). */
  derived?: { value: number };
}
export interface GoldPair {
  place: string;
  period: string;
  target_report: string;
  outcome_report: string;
  target_plan_start: number;
  outcome_review_end: number;
  promises: GoldPromise[];
}

