/**
 * The places stage: which places the article is about (its primary place first), and the place
 * of each figure. Mentions come from the gazetteer (mentions.ts); here they are ranked.
 *
 * Primary place: the place the article is by or about. Each mention scores by the cue after it
 * (rules/places.ts PRIMARY_CUES: 高阳县人民政府, 在河北省第十三届人民代表大会, 江津区委书记), a
 * mention in the headline, and how often the place is named; the best score wins.
 * Listed places: the primary place, then the places under it that the article treats as its
 * subjects (on a heading line, as a clause subject, or named three times or more) — never the
 * primary place's parents, and under a province none (a provincial report names its cities where
 * results happened; it is not about them).
 * A figure's place: a place named earlier in its own sentence at the head of a clause (not as an
 * object or modifier), else the listed place of the heading or subject that governs it, else the
 * primary place.
 */
import type { Normalised } from "../normalise";
import type { PlaceRef } from "../types";
import { gazetteer, within, type Gazetteer } from "../../places/gazetteer";
import { LIST_JOINS, OUTLET_AFTER_RE, OWN_PLACE_BEFORE, PRIMARY_CUES, SELF_REFERENCE_RE, SUBJECT_AFTER_RE } from "../rules/places";
import { findMentions, type Mention } from "./mentions";
import { isSpaceCode } from "../text";
import { edges, nextIndexOf } from "../scan";

/**
 * What the per-mention tests read by the character right after a mention (bits 1–4: one of the
 * characters PRIMARY_CUES[k], OUTLET_AFTER_RE, SUBJECT_AFTER_RE or a list join can open with) and
 * right before it (bit 32: OWN_PLACE_BEFORE), as one table: the anchored rules run (on a slice)
 * only after a character one of them can start with, and no one-character string is made.
 */
const AFTER = new Uint8Array(65536);
const CUE_BITS = PRIMARY_CUES.map((_, k) => 1 << k);
const OUTLET_BIT = 1 << PRIMARY_CUES.length;
const SUBJECT_BIT = OUTLET_BIT << 1;
const JOIN_BIT = SUBJECT_BIT << 1;
const OWN_BEFORE_BIT = JOIN_BIT << 1;
if (OWN_BEFORE_BIT > 0x80) throw new RangeError("places: more cues than the after-table's bits");
/** Marks the characters `re` (anchored at its start: ^) can open a match with; every one when unknown. */
function markOpeners(re: RegExp, bit: number): void {
  const first = edges(re).first;
  for (let c = 0; c < 65536; c++) if (!first || first[c]) AFTER[c] = (AFTER[c] as number) | bit;
}
PRIMARY_CUES.forEach((cue, k) => markOpeners(cue.after, CUE_BITS[k] as number));
markOpeners(OUTLET_AFTER_RE, OUTLET_BIT);
markOpeners(SUBJECT_AFTER_RE, SUBJECT_BIT);
for (const c of LIST_JOINS) AFTER[c.charCodeAt(0)] = (AFTER[c.charCodeAt(0)] as number) | JOIN_BIT;
for (const c of OWN_PLACE_BEFORE) AFTER[c.charCodeAt(0)] = (AFTER[c.charCodeAt(0)] as number) | OWN_BEFORE_BIT;
/** Whether the character at `i` of `s` has `bit` (none past either end). */
const hasAt = (s: string, i: number, bit: number): boolean => ((AFTER[s.charCodeAt(i)] ?? 0) & bit) !== 0;

export interface PlacedFigure {
  start: number;
  end: number;
  sentenceStart: number;
}

export interface FigurePlace {
  name: string;
  code?: string;
}

export interface ArticlePlaces {
  places: PlaceRef[];
  /** The place of each figure given (same order), undefined when the article names none. */
  figurePlaces: (FigurePlace | undefined)[];
}

/** How far back a heading or subject place governs the figures after it. */
const PLACE_REACH = 3000;
const MAX_PLACES = 8;
/** Sibling places with their own cue that make an article a round-up of their parent. */
const MIN_ROUND_UP = 3;

interface Place {
  /** Division id, or -1 for a village/zone. */
  id: number;
  name: string;
  code: string | null;
  parent: number;
  written: string;
  count: number;
  cue: number;
  title: boolean;
  salient: boolean;
  first: number;
}

/** A division by its id, a village or zone by its name (a number key: no string made per mention). */
const placeId = (m: Mention): number | string => (m.id >= 0 ? m.id : `s${m.sub?.name}`);

/**
 * A heading-like line: short, no sentence punctuation (大庙街道 / ——访…邗江区委书记 张耀武).
 * `lineBreak` finds the next line break (nextIndexOf: mentions come in text order, so the text is
 * searched about once): most mentions stand on a long line, settled without reading it.
 */
function onShortLine(s: string, pos: number, lineBreak: (from: number) => number): boolean {
  const br = lineBreak(pos);
  // The line ends at most 50 characters after pos.
  let b = br < 0 ? s.length : br;
  if (b - pos > 50) return false;
  // By code unit: s[i] would make a string per character read.
  let a = pos;
  while (a > 0 && pos - a < 50 && s.charCodeAt(a - 1) !== 10) a--;
  if (a > 0 && s.charCodeAt(a - 1) !== 10) return false;
  // The line without its surrounding whitespace (as trim() cuts it): at most 40 characters.
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  if (b - a > 40) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3002 || c === 0x2c || c === 0xff0c || c === 0x3b || c === 0xff1b) return false;
  }
  return true;
}

/** A clause subject: at a clause start and followed by 将/要/计划/力争/确保 (高邮将…). */
function isSubject(s: string, m: Mention): boolean {
  const before = s.charCodeAt(m.start - 1);
  // (At 0 the code is NaN: the text's start.)
  const atStart = m.start === 0 || before === 10 || before === 32 || before === 0x2c || before === 0x3002 || before === 0xff0c || before === 0xff1b;
  return atStart && hasAt(s, m.end, SUBJECT_BIT) && SUBJECT_AFTER_RE.test(s.slice(m.end, m.end + 4));
}

/**
 * Mentions in the simplified text, site chrome included (a page's footer often names who runs it:
 * 淳安县千岛湖传媒中心), repeated paragraphs and outlet names (扬州日报, 杭州网) left out.
 */
function articleMentions(n: Normalised): Mention[] {
  const s = n.simp;
  const out: Mention[] = [];
  const outlets: Mention[] = [];
  let li = 0;
  for (const m of findMentions(s)) {
    while (li < n.lines.length - 1 && (n.lines[li] as { end: number }).end < m.start) li++;
    if (n.lines[li]?.dup) continue;
    if (hasAt(s, m.end, OUTLET_BIT) && OUTLET_AFTER_RE.test(s.slice(m.end, m.end + 4))) outlets.push(m);
    else out.push(m);
  }
  return out.length ? out : outletHome(s, outlets);
}

/**
 * An article that names no place but speaks of its own (我市, 全县) as its outlet does (洛阳日报,
 * 某某县融媒体中心) is about the outlet's place: the outlet's mention stands for it. Only when
 * the self-reference is of the outlet's level (市 for a prefecture or municipality, 县/区/市 for a
 * county), and one outlet place only.
 */
function outletHome(s: string, outlets: Mention[]): Mention[] {
  const g = gazetteer();
  const ids = new Set(outlets.filter((m) => m.id >= 0).map((m) => m.id));
  if (ids.size !== 1) return [];
  const id = [...ids][0] as number;
  const d = g.divisions[id];
  if (!d || d.level === 4) return [];
  const suffix = d.name.slice(-1);
  const self = SELF_REFERENCE_RE.exec(s);
  if (!self || !(d.level === 3 ? suffix === self[1] : self[1] === "市" || self[1] === "省")) return [];
  return outlets.filter((m) => m.id === id);
}

export function readPlaces(n: Normalised, titleRange: [number, number] | undefined, figures: PlacedFigure[]): ArticlePlaces {
  const s = n.simp;
  const g = gazetteer();
  const mentions = articleMentions(n);
  if (!mentions.length) return { places: [], figurePlaces: figures.map(() => undefined) };
  const byKey = new Map<number | string, Place>();
  const heading = new Uint8Array(mentions.length);
  // A mention that opens its clause (OWN_PLACE_BEFORE), or continues one that does (保定市高阳县),
  // unless it heads a list of places (在易县、蠡县…新建5个牧场: the figure is all of theirs).
  const opens = new Uint8Array(mentions.length);
  const lineBreak = nextIndexOf(s, "\n");
  mentions.forEach((m, i) => {
    const prev = mentions[i - 1];
    const next = mentions[i + 1];
    const heads = next !== undefined && next.start === m.end + 1 && hasAt(s, m.end, JOIN_BIT);
    if (!heads && (m.start === 0 || hasAt(s, m.start - 1, OWN_BEFORE_BIT) || (prev && prev.end === m.start && opens[i - 1]))) opens[i] = 1;
    const key = placeId(m);
    let p = byKey.get(key);
    if (!p) {
      const d = m.id >= 0 ? g.divisions[m.id] : undefined;
      p = {
        id: m.id,
        name: d ? d.name : (m.sub?.name ?? ""),
        code: d ? d.code : null,
        parent: d ? d.parent : (m.sub?.parent ?? -1),
        written: n.written.slice(m.start, m.end),
        count: 0,
        cue: 0,
        title: false,
        salient: false,
        first: m.start,
      };
      byKey.set(key, p);
    }
    p.count++;
    const opener = AFTER[s.charCodeAt(m.end)] ?? 0;
    if (opener & ((1 << PRIMARY_CUES.length) - 1)) {
      const after = s.slice(m.end, m.end + 24);
      for (let k = 0; k < PRIMARY_CUES.length; k++) {
        const c = PRIMARY_CUES[k] as (typeof PRIMARY_CUES)[number];
        if (opener & (CUE_BITS[k] as number) && c.after.test(after)) { p.cue += c.weight; break; }
      }
    }
    if (titleRange && m.start >= titleRange[0] && m.end <= titleRange[1]) p.title = true;
    if (onShortLine(s, m.start, lineBreak) || isSubject(s, m)) {
      heading[i] = 1;
      p.salient = true;
    }
  });
  const all = [...byKey.values()];
  const score = (p: Place) => 4 * Math.min(p.cue, 9) + (p.title ? 6 : 0) + Math.min(p.count, 10) - p.first / 1e7;
  // On a tie the more specific place wins (朝阳市 over 辽宁省 in 辽宁省朝阳市…).
  const level = (p: Place) => (p.id >= 0 ? (g.divisions[p.id]?.level ?? 4) : 5);
  let primary = all.reduce((a, b) => (score(b) > score(a) + 1e-6 || (Math.abs(score(b) - score(a)) < 1e-3 && level(b) > level(a)) ? b : a));
  // A round-up of several places under one parent, each with its own official or government
  // (广陵区委书记…, 邗江区委书记…), is about the parent when the text names it.
  if (primary.parent >= 0 && primary.cue > 0) {
    const parent = byKey.get(primary.parent);
    const peers = all.filter((p) => p.id >= 0 && p.parent === primary.parent && p.cue > 0).length;
    if (parent && peers >= MIN_ROUND_UP) primary = parent;
  }
  // A bare zone (经开区) belongs to the article's division.
  for (const p of all) if (p.id < 0 && p.parent < 0 && primary.id >= 0) p.parent = primary.id;
  // Under a division: its own divisions and the villages and zones filed directly under it.
  // Under a zone or village (which the data does not divide): the towns and streets it names.
  const under = (p: Place) => {
    if (primary.id < 0) return p.id >= 0 && g.divisions[p.id]?.level === 4 && (primary.parent < 0 || within(g, p.id, primary.parent));
    if (p.id < 0) return p.parent === primary.id;
    return p.id !== primary.id && within(g, p.id, primary.id);
  };
  const primaryLevel = primary.id >= 0 ? (g.divisions[primary.id]?.level ?? 4) : 4;
  const listed = [primary];
  // A village's or community's own record is about its town or street too, when it names it
  // (兴盛社区 … 服务区域 东城街道); never a county or anything higher.
  if (primary.id < 0 && primary.parent >= 0 && g.divisions[primary.parent]?.level === 4) {
    const town = byKey.get(primary.parent);
    if (town) listed.push(town);
  }
  if (primaryLevel >= 2 || primary.id < 0) {
    for (const p of all) {
      if (listed.includes(p) || listed.length >= MAX_PLACES) continue;
      if (under(p) && p.salient) listed.push(p);
    }
  }
  const places: PlaceRef[] = listed.map((p) => ref(g, p));
  // A heading naming a place that holds the primary one (a community's table row 服务区域 | 东城街道)
  // does not take the primary's figures up to it.
  const primaryAt = primary.id >= 0 ? primary.id : primary.parent;
  const holdsPrimary = (p: Place) => p !== primary && p.id >= 0 && primaryAt >= 0 && within(g, primaryAt, p.id);
  return { places, figurePlaces: attach(mentions, heading, opens, byKey, new Set(listed), primary, holdsPrimary, figures) };
}

function ref(g: Gazetteer, p: Place): PlaceRef {
  const r: PlaceRef = { name: p.name, code: p.code, written: p.written };
  if (p.id < 0 && p.parent >= 0) r.parent_code = g.divisions[p.parent]?.key ?? null;
  return r;
}

/** One merge pass over the mentions in text order. */
function attach(
  mentions: Mention[],
  heading: Uint8Array,
  opens: Uint8Array,
  byKey: Map<number | string, Place>,
  listed: Set<Place>,
  primary: Place,
  holdsPrimary: (p: Place) => boolean,
  figures: PlacedFigure[],
): (FigurePlace | undefined)[] {
  const out: (FigurePlace | undefined)[] = [];
  let i = 0;
  let lastAny: { p: Place; at: number } | undefined;
  let governing: { p: Place; at: number } | undefined;
  const asFig = (p: Place): FigurePlace => (p.code ? { name: p.name, code: p.code } : { name: p.name });
  for (const f of figures) {
    while (i < mentions.length && (mentions[i] as Mention).end <= f.start) {
      const m = mentions[i] as Mention;
      let p = byKey.get(placeId(m)) as Place;
      // A figure's own place is a division or a place the article lists that its clause is about
      // (not an object or a modifier: 推动石家庄…, 邯港高速衡水段); for a zone or village it does
      // not list, the division that holds it (河北高阳经济开发区… is 高阳县's).
      if (!p.code && !listed.has(p) && p.parent >= 0) p = byKey.get(p.parent) ?? p;
      if ((p.code || listed.has(p)) && opens[i]) lastAny = { p, at: m.start };
      if (heading[i] && listed.has(p) && !holdsPrimary(p)) governing = { p, at: m.start };
      i++;
    }
    if (lastAny && lastAny.at >= f.sentenceStart) out.push(asFig(lastAny.p));
    else if (governing && f.start - governing.at <= PLACE_REACH) out.push(asFig(governing.p));
    else out.push(asFig(primary));
  }
  return out;
}
