/**
 * @module extract
 * The rule-based extractor: one article's decoded text in, its Summary out. Pure, deterministic,
 * no I/O; never throws: what it capped or skipped goes to `warnings`, and a stage that threw goes
 * to `errors` (the pipeline then fails the article rather than store a partial summary).
 *
 * Stages: normalise -> facts -> sections (headings, plan/review scopes) -> numbers/figures ->
 * markers -> attribution (metric, change; kind from kind.ts) -> periods -> goals -> places.
 */
import type { Figure, Summary } from "./types";
import { normalise, origStart, origEnd, type Normalised } from "./normalise";
import { findFigures, MAX_FIGURES } from "./figures";
import { attribute, type Attributed } from "./attribution";
import { buildGoals } from "./goals";
import { readMeta as readFacts } from "./meta";
import { readPlaces } from "./places";
import { readSections, type Sections } from "./sections";
import { periodsOf } from "./periods";
import { isSpaceAt } from "./scan";

export type { Summary, Figure, Goal, Approx, Kind, StageError } from "./types";

/** The stages extract() runs, as one value so a test can replace one with a failing stage. */
export const STAGES = { normalise, readFacts, readSections, findFigures, attribute, buildGoals, readPlaces };
export type Stages = typeof STAGES;

/** Bump when rule changes alter output, so stored summaries can be recomputed. */
export const EXTRACTOR_VERSION = 27;

const MAX_SENTENCE = 200;

function toFigure(n: Normalised, f: Attributed): Figure {
  const start = origStart(n, f.start);
  const end = origEnd(n, f.end);
  const fig: Figure = { text: n.original.slice(start, end), start, end, value: f.value, unit: f.unit, kind: f.kind };
  if (f.valueMax !== undefined) fig.value_max = f.valueMax;
  if (f.approx) fig.approx = f.approx;
  if (f.metric) fig.metric = f.metric;
  if (f.metricKey) fig.metric_key = f.metricKey;
  if (f.change) fig.change = true;
  let ss = f.sentenceStart;
  let se = f.sentenceEnd;
  if (n.body[se] === "。" || n.body[se] === "！" || n.body[se] === "？") se++;
  while (ss < f.start && isSpaceAt(n.body, ss)) ss++;
  if (se - ss > MAX_SENTENCE) {
    ss = Math.max(ss, f.start - MAX_SENTENCE / 2);
    se = Math.min(se, f.end + MAX_SENTENCE / 2);
  }
  fig.sentence = n.original.slice(origStart(n, ss), origEnd(n, se));
  return fig;
}

/** The article's places, and each figure's and goal's place (a goal's is its first figure's). */
function placeFigures(n: Normalised, titleRange: [number, number] | undefined, spans: Attributed[], out: Summary, stages: Stages): void {
  const { places, figurePlaces } = stages.readPlaces(n, titleRange, spans);
  out.places = places;
  out.figures.forEach((f, i) => {
    const p = figurePlaces[i];
    if (!p) return;
    f.place = p.name;
    if (p.code) f.place_code = p.code;
  });
  // Figures are in text order: each goal looks from the first figure at or after its start.
  const figs = out.figures;
  for (const g of out.goals) {
    let lo = 0;
    let hi = figs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((figs[mid] as Figure).start < g.start) lo = mid + 1;
      else hi = mid;
    }
    let f: Figure | undefined;
    for (let i = lo; i < figs.length && (figs[i] as Figure).start < g.end; i++) {
      const x = figs[i] as Figure;
      if (x.end <= g.end && x.place) { f = x; break; }
    }
    if (!f) continue;
    g.place = f.place;
    if (f.place_code) g.place_code = f.place_code;
  }
}

function empty(): Summary {
  return { title: null, published: null, source: null, places: [], figures: [], goals: [], warnings: [], errors: [] };
}

export function extract(text: string, stages: Stages = STAGES): Summary {
  const out = empty();
  if (typeof text !== "string") {
    out.errors.push({ stage: "input", message: "input is not a string" });
    return out;
  }
  let n: Normalised;
  let titleRange: [number, number] | undefined;
  let attributed: Attributed[] = [];
  try {
    n = stages.normalise(text);
    out.warnings.push(...n.warnings);
  } catch (e) {
    out.errors.push({ stage: "normalise", message: String(e) });
    return out;
  }
  try {
    const facts = stages.readFacts(n);
    out.title = facts.title;
    out.published = facts.published;
    out.source = facts.source;
    titleRange = facts.titleRange;
  } catch (e) {
    out.errors.push({ stage: "facts", message: String(e) });
  }
  let sections: Sections = { scopes: [{ pos: 0, mode: null }], headings: [], report: false };
  try {
    sections = stages.readSections(n, out.published);
  } catch (e) {
    out.errors.push({ stage: "sections", message: String(e) });
  }
  try {
    let raws = stages.findFigures(n.body, n.clean);
    // A headline restating a body figure (一季度签约项目12个 … 签约项目12个) is not counted twice;
    // one that rounds it (三万次 … 三万多次) is a figure of its own.
    if (titleRange) {
      const [a, b] = titleRange;
      raws = raws.filter((r) => !(r.start >= a && r.end <= b && raws.some((o) => o.start >= b && o.value === r.value && o.unitSimp === r.unitSimp && o.approx === r.approx)));
    }
    if (raws.length >= MAX_FIGURES) out.warnings.push(`stopped after ${MAX_FIGURES} figures`);
    const { figures, markers } = stages.attribute(n, raws, sections);
    const figs = figures.map((f) => toFigure(n, f));
    attributed = figures;
    periodsOf(n, figures, sections).forEach((p, i) => {
      const fig = figs[i] as Figure;
      if (p) fig.period = p.period;
      if (p?.text) fig.period_text = p.text;
    });
    figures.forEach((f, i) => {
      if (n.lines[f.paragraph]?.repeated) (figs[i] as Figure).dup = true;
    });
    out.figures = figs;
    const byStart = new Map<number, Figure>();
    figures.forEach((f, i) => byStart.set(f.start, figs[i] as Figure));
    out.goals = stages.buildGoals(n, figures, markers, (f) => byStart.get(f.start) as Figure, sections.year);
  } catch (e) {
    out.errors.push({ stage: "figures", message: String(e) });
  }
  try {
    placeFigures(n, titleRange, attributed, out, stages);
  } catch (e) {
    out.errors.push({ stage: "places", message: String(e) });
  }
  return out;
}
