/**
 * @module extract
 * The rule-based extractor: one article's decoded text in, its Summary out. Pure, deterministic,
 * no I/O; never throws: what it capped or skipped goes to `warnings`, and a stage that threw goes
 * to `errors` (the pipeline then fails the article rather than store a partial summary).
 *
 * Stages: normalise -> numbers/figures -> attribution (metric, change, kind) -> goals -> facts.
 */
import type { Figure, Summary } from "./types";
import { normalise, origStart, origEnd, type Normalised } from "./normalise";
import { findFigures, MAX_FIGURES } from "./figures";
import { attribute, type Attributed } from "./attribution";
import { buildGoals } from "./goals";
import { readFacts } from "./facts";

export type { Summary, Figure, Goal, Approx, Kind, StageError } from "./types";

/** The stages extract() runs, as one value so a test can replace one with a failing stage. */
export const STAGES = { normalise, readFacts, findFigures, attribute, buildGoals };
export type Stages = typeof STAGES;

/** Bump when rule changes alter output, so stored summaries can be recomputed. */
export const EXTRACTOR_VERSION = 15;

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
  while (ss < f.start && /\s/.test(n.body[ss] as string)) ss++;
  if (se - ss > MAX_SENTENCE) {
    ss = Math.max(ss, f.start - MAX_SENTENCE / 2);
    se = Math.min(se, f.end + MAX_SENTENCE / 2);
  }
  fig.sentence = n.original.slice(origStart(n, ss), origEnd(n, se));
  return fig;
}

/**
 * A figure's place: the article place named last before it as a section heading or a paragraph
 * or clause subject (大庙街道 / 大庙街道党工委书记…表示 / ,高邮将…), within PLACE_REACH chars.
 * One merge pass over the place mentions.
 */
const PLACE_REACH = 3000;
const SUBJECT_AFTER_RE = /^(?:将|要|计划|力争|确保|[將計力確])/;

/** A heading-like line: short, no sentence punctuation (大庙街道 / ——访…邗江区委书记 张耀武). */
function onShortLine(s: string, pos: number): boolean {
  let a = pos;
  while (a > 0 && pos - a < 50 && s[a - 1] !== "\n") a--;
  let b = pos;
  while (b < s.length && b - pos < 50 && s[b] !== "\n") b++;
  if ((a > 0 && s[a - 1] !== "\n") || (b < s.length && s[b] !== "\n")) return false;
  const t = s.slice(a, b);
  return t.trim().length <= 40 && !/[。,，;；]/.test(t);
}

function attachPlaces(n: Normalised, places: string[], figures: Attributed[], figs: Figure[]): void {
  if (places.length === 0 || figures.length === 0) return;
  const text = n.clean;
  const alts = places.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const re = new RegExp(alts, "g");
  let m: RegExpExecArray | null = re.exec(text);
  let last: { p: string; at: number } | null = null;
  let seen = 0;
  figures.forEach((f, i) => {
    while (m && m.index < f.start && seen++ < 50000) {
      const before = text[m.index - 1];
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      const atStart = m.index === 0 || before === "\n" || before === " " || before === "," || before === "。" || before === "，";
      if ((atStart && SUBJECT_AFTER_RE.test(after)) || onShortLine(text, m.index)) last = { p: m[0], at: m.index };
      m = re.exec(text);
    }
    const fig = figs[i];
    if (fig && last && f.start - last.at <= PLACE_REACH) fig.place = last.p;
  });
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
    out.places = facts.places;
    titleRange = facts.titleRange;
  } catch (e) {
    out.errors.push({ stage: "facts", message: String(e) });
  }
  try {
    let raws = stages.findFigures(n.body, n.clean);
    // A headline restating a body figure (一季度签约项目12个 … 签约项目12个) is not counted twice.
    if (titleRange) {
      const [a, b] = titleRange;
      raws = raws.filter((r) => !(r.start >= a && r.end <= b && raws.some((o) => o.start >= b && o.value === r.value && o.unitSimp === r.unitSimp)));
    }
    if (raws.length >= MAX_FIGURES) out.warnings.push(`stopped after ${MAX_FIGURES} figures`);
    const { figures, markers } = stages.attribute(n, raws);
    const figs = figures.map((f) => toFigure(n, f));
    figures.forEach((f, i) => {
      if (n.lines[f.paragraph]?.repeated) (figs[i] as Figure).dup = true;
    });
    out.figures = figs;
    const byStart = new Map<number, Figure>();
    figures.forEach((f, i) => byStart.set(f.start, figs[i] as Figure));
    out.goals = stages.buildGoals(n, figures, markers, (f) => byStart.get(f.start)?.text ?? "");
    attachPlaces(n, out.places, figures, figs);
  } catch (e) {
    out.errors.push({ stage: "figures", message: String(e) });
  }
  return out;
}
