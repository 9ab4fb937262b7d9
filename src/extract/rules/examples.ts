/**
 * The example rows kept beside every rule (Duckling's corpus style), run by
 * test/extract/rules.test.ts. A figure row says what `extract(in)` finds; a negative row says
 * what it must not find.
 */
import type { Approx } from "../types";

/** `extract(in)` has a figure with exactly this text, value, unit, value_max and approx (absent = none). */
export interface FigureExample {
  in: string;
  text: string;
  value: number;
  unit: string;
  value_max?: number;
  approx?: Approx;
}

/** `extract(in)` has no figure overlapping `not` (its first occurrence), or none at all when `not` is absent. */
export interface NoFigureExample {
  in: string;
  not?: string;
}

export type Example = FigureExample | NoFigureExample;

export const isFigureExample = (e: Example): e is FigureExample => "text" in e;
