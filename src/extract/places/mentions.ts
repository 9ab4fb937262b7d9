/**
 * Place mentions: every gazetteer name in the body (one pass, see places/gazetteer.ts), each
 * resolved to one division by the other places the article names, or dropped. Villages,
 * communities and development zones written right after their division (梨树县八里庙村,
 * 东城街道兴盛社区) or as the bare zone words (经开区) are mentions too.
 *
 * Resolution, in rounds:
 * 1. sure: a full name of a province, prefecture or county that only one division has, and a
 *    province's short form (河北);
 * 2. every other name is kept when exactly one of its divisions lies under a sure place (or is
 *    one): 朝阳区 beside 北京, 城关镇 beside its county; a mention right after its parent
 *    (北京市朝阳区) settles it outright. Names that are often words (a county's short form, a
 *    two-character county, a town) need the unit itself or a parent below the province, a
 *    county's short form that is an ordinary word (src/places/word-forms.ts) the unit itself, and a
 *    prefecture's short form the article's own province (mostNamedProvince);
 * 3. the places settled in round 2 support the names left (a town under a county found by its
 *    short form), once more;
 * what is left is kept only when it is one unambiguous full name of a town (洪畴镇) or a
 * prefecture's short form (保定) in the province the article names most (or with none named);
 * everything else is left out rather than guessed.
 */
import { findNames, gazetteer, type Gazetteer } from "../../places/gazetteer";
import { WORD_SHORT_FORMS } from "../../places/word-forms";
import { BARE_ZONE_RE, NAMED_SUB_SUFFIX_RE, NOT_SUB_PLACE_RE, SUB_PLACE_RE, ZONE_EXPANSIONS } from "../rules/places";

export interface Mention {
  start: number;
  end: number;
  /** The division, or -1 for a village/zone (then `sub` names it). */
  id: number;
  short: boolean;
  /** A village, community or zone: its simplified name and the division that holds it (-1 when unknown). */
  sub?: { name: string; parent: number };
}

/**
 * After a short form, an administrative suffix (1) means another unit (高阳镇 is not 高阳县), and
 * after a county's, a natural feature (2) the mountain or water it is named after.
 */
const SUFFIX_AFTER = new Uint8Array(65536);
for (const c of "省市县区镇乡村街旗州盟") SUFFIX_AFTER[c.charCodeAt(0)] = 1;
for (const c of "山江河湖") SUFFIX_AFTER[c.charCodeAt(0)] = 2;
const MAX_SUB_NAMES = 20;

interface Raw {
  start: number;
  end: number;
  entries: number[];
}

const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;

export function findMentions(s: string): Mention[] {
  const g = gazetteer();
  const { rec } = resolveTables(g);
  const raws: Raw[] = [];
  const hits = findNames(s);
  hits.forEach((h, k) => {
    // A short form running into a suffix (高阳镇, 保定路) is not that division, nor one running into
    // a natural feature named like it (贺兰山, 黄浦江, 大清河) unless another name starts there
    // (涞源河北…). By code unit: s[h.end] would make a string per name found.
    const after = SUFFIX_AFTER[s.charCodeAt(h.end)];
    const feature = after === 2 && hits[k + 1]?.start !== h.end;
    // (A prefecture's short form before 山水 is the prefecture: 甘南山水林田湖草.)
    const entries = after === 1 ? h.entries.filter((e) => !(e & 1)) : feature ? h.entries.filter((e) => !(e & 1) || levelOf(rec, e >> 1) < 3) : h.entries;
    // The hit itself when it keeps all its entries (most do): no copy made per name found.
    if (entries === h.entries) raws.push(h);
    else if (entries.length) raws.push({ start: h.start, end: h.end, entries });
  });
  const support = new Set<number>();
  const resolved = resolve(g, raws, support);
  return withSubPlaces(g, s, resolved, support);
}

/** What resolve asks of an entry (id * 2, +1 for a short form): see resolveTables. */
const SURE = 1;
const WEAK = 2;
const WORD_FORM = 4;
const UNCODED_COUNTY = 8;
const STANDALONE = 16;
/**
 * Per division d, what resolve reads of it, together at REC * d: its parent (-1 for a province),
 * its level, its province (its top ancestor; itself for a province), and the kind bits of its full
 * name (low byte) and of its short form (next byte). A text names hundreds of places, and these
 * tables are cold when the places stage runs: one record per division is one cache line to load,
 * where four arrays (and before them the division objects) were four.
 */
const REC = 4;
interface Tables {
  g: Gazetteer;
  rec: Int32Array;
}
let tables: Tables | undefined;

const parentOf = (rec: Int32Array, d: number): number => rec[REC * d] as number;
const levelOf = (rec: Int32Array, d: number): number => rec[REC * d + 1] as number;
const provinceOf = (rec: Int32Array, d: number): number => rec[REC * d + 2] as number;
const kindOf = (rec: Int32Array, e: number): number => ((rec[REC * (e >> 1) + 3] as number) >> ((e & 1) << 3)) & 0xff;
/** within() on the packed records: `a` is `d` or one of its ancestors. */
function inside(rec: Int32Array, d: number, a: number): boolean {
  for (let p = d; p >= 0; p = rec[REC * p] as number) if (p === a) return true;
  return false;
}

/**
 * The kind bits: the answers resolve's rules read from an entry's division (level, name length,
 * short form, code). Built once per gazetteer.
 * SURE: an unambiguous full name of two characters' stem or more (沛县 and 东区 need their parent),
 * or a province's short form. WEAK: a town, a county's short form or a two-character county name.
 * WORD_FORM: a county's short form that is an ordinary word. UNCODED_COUNTY: a district below Hong
 * Kong, Macao or Taiwan. STANDALONE: a town's full name of three characters or more, or a
 * prefecture's short form.
 */
function resolveTables(g: Gazetteer): Tables {
  if (tables?.g === g) return tables;
  const rec = new Int32Array(REC * g.divisions.length);
  for (const d of g.divisions) {
    let kinds = 0;
    for (let short = 0; short < 2; short++) {
      const level = d.level;
      let k = 0;
      if ((!short && level <= 3 && d.name.length >= 3) || (short && level === 1)) k |= SURE;
      if (level === 4 || (level === 3 && (short || d.name.length < 3))) k |= WEAK;
      if (short && level === 3 && WORD_SHORT_FORMS.has(d.short ?? "")) k |= WORD_FORM;
      if (d.code === null && level === 3) k |= UNCODED_COUNTY;
      if ((!short && level === 4 && d.name.length >= 3) || (short && level === 2)) k |= STANDALONE;
      kinds |= k << (8 * short);
    }
    // A parent comes before its children (gazetteer.ts adds them top down): its province is known.
    const at = REC * d.id;
    rec[at] = d.parent;
    rec[at + 1] = d.level;
    rec[at + 2] = d.parent < 0 ? d.id : (rec[REC * d.parent + 2] as number);
    rec[at + 3] = kinds;
  }
  tables = { g, rec };
  return tables;
}

/** Resolve's per-mention division (-1: not settled), reused from text to text and grown when a text needs more. */
let settledIds = new Int32Array(1024);

function resolve(g: Gazetteer, raws: Raw[], support: Set<number>): Mention[] {
  if (settledIds.length < raws.length) settledIds = new Int32Array(2 * raws.length);
  const id = settledIds;
  id.fill(-1, 0, raws.length);
  const { rec } = resolveTables(g);
  const addSupport = (d: number) => {
    for (let p = d; p >= 0 && !support.has(p); p = parentOf(rec, p)) support.add(p);
  };
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as Raw;
    if (r.entries.length !== 1) continue;
    const e = r.entries[0] as number;
    if (kindOf(rec, e) & SURE) {
      id[i] = e >> 1;
      addSupport(e >> 1);
    }
  }
  const home = mostNamedProvince(rec, raws);
  // Below Hong Kong, Macao and Taiwan (no codes, generic district names: 东区, 新兴区) only the
  // area or city itself supports a name, not the province.
  // A county's short form (新建, 资源, 惠民, 平安, 金山), a two-character county name (城区, 东区)
  // and a town's name (中心镇 in 重点中心镇, 明村镇 in 文明村镇) are most often words, and a
  // provincial report names many provinces (对口支援, 京津冀): so a province does not support
  // them, only the unit itself or a parent below the province (杜集 beside 淮北, 洪畴镇 beside
  // its county); a unit right under its province only by the article's own province (金山 in a
  // report of 上海, not in one of 浙江 that names 上海 too).
  // A county's short form that is an ordinary word (资源 in 资源节约, 新建 in 新建学校, 比如): only the
  // county named in full elsewhere in the text supports it, not its city, even right before it.
  const wordForm = (e: number) => (kindOf(rec, e) & WORD_FORM) !== 0;
  const supported = (e: number) => {
    const d = e >> 1;
    const k = kindOf(rec, e);
    if (k & WORD_FORM) return support.has(d);
    if (k & WEAK) {
      for (let p = d; p >= 0 && levelOf(rec, p) > 1; p = parentOf(rec, p)) if (support.has(p)) return true;
      // Directly under its province (a municipality's district, 文昌 and 天门 under theirs): the
      // article's own province supports it.
      const up = parentOf(rec, d);
      return up >= 0 && levelOf(rec, up) === 1 && up === home;
    }
    // A prefecture's short form (保山 in 确保山…) likewise: its province supports it only when that
    // is the article's own (mostNamedProvince), as for the unsupported ones below.
    if ((e & 1) === 1 && levelOf(rec, d) === 2) return support.has(d) || inHomeProvince(d);
    const top = k & UNCODED_COUNTY ? 2 : 1;
    for (let p = d; p >= 0; p = parentOf(rec, p)) {
      if (levelOf(rec, p) < top) return false;
      if (support.has(p)) return true;
    }
    return false;
  };
  // Unsupported but unambiguous: a town's full name (洪畴镇), a prefecture's short form (保定).
  const standalone = (r: Raw): number => {
    // A province's short form among lower units' short forms (河北 beside 天津's 河北区) is the province.
    let province = -1;
    for (const e of r.entries) {
      if (levelOf(rec, e >> 1) !== 1) continue;
      if (province >= 0) { province = -2; break; }
      province = e >> 1;
    }
    if (province >= 0) return province;
    if (r.entries.length !== 1) return -1;
    const e = r.entries[0] as number;
    if (kindOf(rec, e) & STANDALONE) return inHomeProvince(e >> 1) ? e >> 1 : -1;
    return -1;
  };
  // Town names are many and short, and run across words (确保城镇… holds 保城镇), and so do
  // prefectures' short forms (美丽江西 holds 丽江): unsupported, one counts only in the province the
  // article names most (mostNamedProvince).
  const inHomeProvince = (d: number) => home < 0 || inside(rec, d, home);

  const settled: number[] = [];
  for (let round = 0; round < 2; round++) {
    if (round === 1) {
      for (let i = 0; i < raws.length; i++) {
        if (id[i] !== -1) continue;
        const d = standalone(raws[i] as Raw);
        if (d >= 0) addSupport(d);
      }
    }
    settled.length = 0;
    for (let i = 0; i < raws.length; i++) {
      if (id[i] !== -1) continue;
      const r = raws[i] as Raw;
      const prev = i > 0 && (raws[i - 1] as Raw).end === r.start ? (id[i - 1] as number) : -1;
      if (r.entries.length === 1) {
        // Most names mean one division: the rule below without its lists (under the mention
        // right before it, or supported).
        const e = r.entries[0] as number;
        const c = e >> 1;
        if ((prev >= 0 && c !== prev && inside(rec, c, prev) && !wordForm(e)) || supported(e)) {
          id[i] = c;
          settled.push(c);
        }
        continue;
      }
      const underPrev = prev >= 0 ? r.entries.filter((e) => !wordForm(e) && e >> 1 !== prev && inside(rec, e >> 1, prev)).map((e) => e >> 1) : [];
      const ok = underPrev.length === 1 ? underPrev : r.entries.filter(supported).map((e) => e >> 1);
      const pick = chainTop(rec, ok);
      if (pick >= 0) {
        id[i] = pick;
        settled.push(pick);
      }
    }
    settled.forEach(addSupport);
  }
  const out: Mention[] = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i] as Raw;
    let d = id[i] as number;
    if (d < 0) d = standalone(r);
    if (d < 0) continue;
    let short: boolean;
    if (r.entries.length === 1) short = ((r.entries[0] as number) & 1) === 1;
    else {
      const entry = r.entries.find((e) => e >> 1 === d);
      short = entry !== undefined && (entry & 1) === 1 && !r.entries.includes(d * 2);
    }
    out.push({ start: r.start, end: r.end, id: d, short });
  }
  return out;
}

/**
 * The province the article names most: the one with the most distinct names that can each mean
 * only one division under it (a report names many places of its own province, and the partners
 * it cooperates with by one or two names; the towns of a county round-up vote for theirs). A
 * name's repetitions do not count: a word read as a place (保山 in 确保山…) comes back with the
 * word. The first named wins a tie; -1 when no name votes.
 */
function mostNamedProvince(rec: Int32Array, raws: Raw[]): number {
  const seen = new Set<number>();
  const counts = new Map<number, number>();
  let best = -1;
  for (const r of raws) {
    if (r.entries.length !== 1 || seen.has(r.entries[0] as number)) continue;
    seen.add(r.entries[0] as number);
    const p = provinceOf(rec, (r.entries[0] as number) >> 1);
    const c = (counts.get(p) ?? 0) + 1;
    counts.set(p, c);
    if (best < 0 || c > (counts.get(best) ?? 0)) best = p;
  }
  return best;
}

/** The village, community or zone that opens `tail` (the text right after a division), if any. */
export function subPlaceAfter(tail: string): { name: string; named: boolean } | null {
  const sm = SUB_PLACE_RE.exec(tail);
  if (!sm || (sm[1] ? NOT_SUB_PLACE_RE.test(sm[1]) : NAMED_SUB_SUFFIX_RE.test(sm[2] as string))) return null;
  return { name: sm[0], named: !!sm[1] };
}

/**
 * The one division the candidates mean: the only one, or the one that holds all the others
 * (朝阳 beside 辽宁 is 朝阳市, which holds 朝阳县); -1 when they are unrelated. A division listed
 * twice holds itself, so the answer is the same as for the list without repeats (none is made).
 */
function chainTop(rec: Int32Array, cands: number[]): number {
  if (cands.length === 1) return cands[0] as number;
  const top = cands.find((c) => cands.every((o) => inside(rec, o, c)));
  return top ?? -1;
}

/**
 * Villages, communities and zones: right after a division (梨树县八里庙村), or the bare zone
 * words; then every later occurrence of a name found so (a village named again on its own).
 */
function withSubPlaces(g: Gazetteer, s: string, ms: Mention[], support: Set<number>): Mention[] {
  const subs: Mention[] = [];
  const named = new Map<string, number>();
  /** Zones written after their division (合肥高新区 → 高新区). */
  const cityZones = new Map<string, string>();
  for (const m of ms) {
    if (m.id < 0) continue;
    const sub = subPlaceAfter(s.slice(m.end, m.end + 20));
    if (!sub) continue;
    // A bare zone word after its division keeps the division's name (广陵经济开发区, 淮北经开区).
    const name = sub.named ? sub.name : s.slice(m.start, m.end) + sub.name;
    // Development zones name their city or county (淮北经开区); villages and communities hang
    // under a town or county.
    if (named.size < MAX_SUB_NAMES && !named.has(name)) {
      named.set(name, m.id);
      if (!sub.named) cityZones.set(name, sub.name);
    }
  }
  BARE_ZONE_RE.lastIndex = 0;
  for (let z = BARE_ZONE_RE.exec(s); z; z = BARE_ZONE_RE.exec(s)) {
    const before = s.charCodeAt(z.index - 1);
    // Preceded by a name it belongs to (淮北经开区 is found above) or by a word (高新区 inside 国家高新区).
    if (isCjk(before) && !"的和、在为与及".includes(s[z.index - 1] as string)) continue;
    if (!named.has(z[0]) && named.size < MAX_SUB_NAMES) named.set(z[0], -1);
  }
  // A bare zone word whose zone the data holds as a county-level unit above the places named
  // (经开区 over 大庙街道 → 徐州经济技术开发区) is that division.
  const zoneDivision = new Map<string, number>();
  for (const [name, parent] of named) {
    const endings = ZONE_EXPANSIONS[name];
    if (parent !== -1 || !endings) continue;
    const found = [...support].filter((d) => { const div = g.divisions[d]; return !!div && div.level === 3 && endings.some((e) => div.name.endsWith(e)); });
    if (found.length === 1) zoneDivision.set(name, found[0] as number);
  }
  // A bare zone word that the article also writes after its city (高新区 … 合肥高新区) is that
  // zone, when the data holds no zone of that name above the places named.
  const fullName = new Map<string, string>();
  for (const [name, parent] of named) {
    if (parent !== -1 || zoneDivision.has(name)) continue;
    const longer = [...cityZones].filter(([, bare]) => bare === name);
    if (longer.length !== 1) continue;
    const full = (longer[0] as [string, string])[0];
    named.set(name, named.get(full) as number);
    fullName.set(name, full);
  }
  if (!named.size) return ms;
  for (const [name, parent] of named) {
    const d = zoneDivision.get(name);
    for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length)) {
      subs.push(d !== undefined ? { start: at, end: at + name.length, id: d, short: true } : { start: at, end: at + name.length, id: -1, short: false, sub: { name: fullName.get(name) ?? name, parent } });
    }
  }
  // A sub-place covers the division names inside it (八里庙村 is not 八里 + 庙村).
  // Longest first at a start, then an occurrence inside a longer one (高新区 in 合肥高新区) dropped.
  subs.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  const outer = subs.filter((m) => {
    if (m.end <= reach) return false;
    reach = m.end;
    return true;
  });
  const out: Mention[] = [];
  let j = 0;
  for (const m of ms) {
    while (j < outer.length && (outer[j] as Mention).end <= m.start) out.push(outer[j++] as Mention);
    const sub = outer[j];
    if (sub && sub.start < m.end && m.start >= sub.start) continue;
    out.push(m);
  }
  while (j < outer.length) out.push(outer[j++] as Mention);
  return out;
}
