/**
 * Hand-built linker inputs for the promise tests: `figureMaker(defaults, suffix)` gives a
 * `fig(article, over)` that fills every LinkFigure field (a reported figure unless `over` says
 * otherwise; its text the value followed by `suffix`) and numbers figures in the order they are
 * made, so each case reads as only what it is about.
 */
import type { LinkFigure } from "../../src/promises/link";

export type FigureDefaults = Pick<LinkFigure, "unit" | "change" | "metric" | "place"> & Partial<LinkFigure>;

export function figureMaker(defaults: FigureDefaults, suffix = "") {
  let seq = 0;
  return function fig(article: number, over: Partial<LinkFigure>): LinkFigure {
    const s = seq++;
    return {
      ref: `${article}:${s}`,
      article,
      seq: s,
      kind: "reported",
      text: `${over.value ?? 1}${suffix}`,
      value: 1,
      period: "2016",
      direction: null,
      flow: false,
      stock: false,
      multiYear: false,
      falls: false,
      listPos: null,
      listSize: null,
      ...defaults,
      ...over,
    };
  };
}
