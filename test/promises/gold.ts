/** The promise-tracking dev gold (copied from ../shared/promises/dev with its texts). */
import g1 from "../fixtures/promises/保定市_2015_2016.gold.json";
import g2 from "../fixtures/promises/保定市_2016_2017.gold.json";
import g3 from "../fixtures/promises/保定市_2021_2022.gold.json";
import g4 from "../fixtures/promises/河北省_2016_2017.gold.json";
import g5 from "../fixtures/promises/河北省_2019_2020.gold.json";
import type { GoldPair as GoldFile } from "./gold-shape";

export type { GoldPromise } from "./gold-shape";
export type GoldPair = GoldFile & { file: string };

export const GOLD_PAIRS: GoldPair[] = (
  [
    ["保定市_2015_2016", g1],
    ["保定市_2016_2017", g2],
    ["保定市_2021_2022", g3],
    ["河北省_2016_2017", g4],
    ["河北省_2019_2020", g5],
  ] as const
).map(([file, g]) => ({ file, ...(g as unknown as GoldFile) }));
