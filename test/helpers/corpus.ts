/** The five seed articles and their gold annotations (copied from ../shared/corpus). */
import gold000 from "../fixtures/corpus/000_eb061f52736d85af.gold.json";
import gold001 from "../fixtures/corpus/001_0471c23c1b65a733.gold.json";
import gold002 from "../fixtures/corpus/002_574e0fd6d6ff9bd4.gold.json";
import gold003 from "../fixtures/corpus/003_fb3c97319014020c.gold.json";
import gold004 from "../fixtures/corpus/004_f2ba840133a4e5d0.gold.json";
import text000 from "../fixtures/corpus/000_eb061f52736d85af.txt?raw";
import text001 from "../fixtures/corpus/001_0471c23c1b65a733.txt?raw";
import text002 from "../fixtures/corpus/002_574e0fd6d6ff9bd4.txt?raw";
import text003 from "../fixtures/corpus/003_fb3c97319014020c.txt?raw";
import text004 from "../fixtures/corpus/004_f2ba840133a4e5d0.txt?raw";

export interface GoldFigure {
  text: string;
  value: number;
  value_max?: number;
  unit: string;
  approx?: "more_than" | "less_than" | "about";
  metric: string;
  change?: boolean;
  kind: "reported" | "target";
}
export interface GoldGoal {
  text: string;
  figures: string[];
  deadline?: string;
  actor?: string;
}
export interface Gold {
  article: string;
  title: string | null;
  published: string | null;
  source: string | null;
  places: string[];
  figures: GoldFigure[];
  goals: GoldGoal[];
}
export interface SeedArticle {
  name: string;
  text: string;
  gold: Gold;
}

export const CORPUS: SeedArticle[] = [
  { name: "000_eb061f52736d85af", text: text000, gold: gold000 as Gold },
  { name: "001_0471c23c1b65a733", text: text001, gold: gold001 as Gold },
  { name: "002_574e0fd6d6ff9bd4", text: text002, gold: gold002 as Gold },
  { name: "003_fb3c97319014020c", text: text003, gold: gold003 as Gold },
  { name: "004_f2ba840133a4e5d0", text: text004, gold: gold004 as Gold },
];
