/** The five gold articles, as Vite ?raw imports (texts) and JSON imports (gold). */
import t0 from "../fixtures/corpus/000_eb061f52736d85af.txt?raw";
import t1 from "../fixtures/corpus/001_0471c23c1b65a733.txt?raw";
import t2 from "../fixtures/corpus/002_574e0fd6d6ff9bd4.txt?raw";
import t3 from "../fixtures/corpus/003_fb3c97319014020c.txt?raw";
import t4 from "../fixtures/corpus/004_f2ba840133a4e5d0.txt?raw";
import g0 from "../fixtures/corpus/000_eb061f52736d85af.gold.json";
import g1 from "../fixtures/corpus/001_0471c23c1b65a733.gold.json";
import g2 from "../fixtures/corpus/002_574e0fd6d6ff9bd4.gold.json";
import g3 from "../fixtures/corpus/003_fb3c97319014020c.gold.json";
import g4 from "../fixtures/corpus/004_f2ba840133a4e5d0.gold.json";

export interface GoldFigure {
  text: string;
  value: number;
  value_max?: number;
  unit: string;
  approx?: string;
  metric?: string;
  change?: boolean;
  kind: string;
}
export interface GoldGoal {
  text: string;
  figures: string[];
  deadline?: string;
  actor?: string;
}
export interface Gold {
  title: string | null;
  published: string | null;
  source: string | null;
  places: string[];
  figures: GoldFigure[];
  goals: GoldGoal[];
}

export const CORPUS: { name: string; text: string; gold: Gold }[] = [
  { name: "000", text: t0, gold: g0 as unknown as Gold },
  { name: "001", text: t1, gold: g1 as unknown as Gold },
  { name: "002", text: t2, gold: g2 as unknown as Gold },
  { name: "003", text: t3, gold: g3 as unknown as Gold },
  { name: "004", text: t4, gold: g4 as unknown as Gold },
];
