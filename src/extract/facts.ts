/**
 * Stage 6: article facts (title, published, source), read from the header lines. Dates in the
 * body (7月13日) never count as the publication date.
 */
import type { Normalised } from "./normalise";
import {
  SOURCE_RE,
  SOURCE_SUFFIX_SPLIT_RE,
  FULL_DATE_RE,
  NAV_LINE_RE,
  SITE_NAME_RE,
  OUTLET_AFTER_DATE_RE,
  FLAT_TITLE_RE,
} from "./rules/facts";

import { CHROME_LINE_RES } from "./rules/noise";

export interface Facts {
  /** [start, end) of the title line in the clean text, when there is a title. */
  titleRange?: [number, number];
  title: string | null;
  published: string | null;
  source: string | null;
}

const HEADER_LINES = 12;
const MAX_TITLE = 40;

function lineTexts(n: Normalised, max: number): { clean: string; simp: string; idx: number }[] {
  // `clean` here is the article's own writing (full-width forms kept): titles are as written.
  const out: { clean: string; simp: string; idx: number }[] = [];
  for (let i = 0; i < n.lines.length && out.length < max; i++) {
    const l = n.lines[i] as { start: number; end: number };
    const simp = n.simp.slice(l.start, Math.min(l.end, l.start + 400)).trim();
    if (!simp) continue;
    out.push({ clean: n.written.slice(l.start, Math.min(l.end, l.start + 400)).trim(), simp, idx: i });
  }
  return out;
}

function lineIndexAt(n: Normalised, pos: number): number {
  let lo = 0;
  let hi = n.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((n.lines[mid] as { start: number }).start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const pad = (x: string) => (x.length === 1 ? "0" + x : x);

function dateOf(m: RegExpExecArray): string | null {
  const y = m[1];
  const mo = m[2] ?? m[4];
  const d = m[3] ?? m[5];
  if (!y || !mo || !d) return null;
  const mi = Number(mo);
  const di = Number(d);
  if (mi < 1 || mi > 12 || di < 1 || di > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/**
 * 经济日报-中国经济网: several outlet or site names joined, nothing else (never a headline; a
 * single name ending in 网 may be one: 织密安全防护网).
 */
function isSiteLine(t: string): boolean {
  const parts = t.split(/[-—|｜·\s]+/).filter(Boolean);
  return parts.length > 1 && parts.every((p) => SITE_NAME_RE.test(p));
}

function isChrome(t: string): boolean {
  return CHROME_LINE_RES.some((re) => re.test(t));
}

export function readFacts(n: Normalised): Facts {
  const head = lineTexts(n, HEADER_LINES);
  // Title: the first line that is not navigation or chrome; a long first line means no headline.
  let title: string | null = null;
  let titleRange: [number, number] | undefined;
  const cand = head.filter((l) => !(NAV_LINE_RE.test(l.simp) || isChrome(l.simp) || !/[\u4e00-\u9fff][^]{0,400}[\u4e00-\u9fff]/.test(l.simp))).slice(0, 2);
  const titleLike = (l: { clean: string; simp: string } | undefined) =>
    !!l && l.clean.length <= MAX_TITLE && !/[。]$/.test(l.clean) && !/^[0-9]{4}(?:年\s*[0-9]{1,2}\s*月|[-/.][0-9]{1,2})/.test(l.simp);
  // The headline stands right above the date/source line (发布日期：… 来源：…); section names and
  // site names above it (新闻动态, 淮北新闻网) give way to it.
  const metaLine = head.find((l) => SOURCE_RE.test(l.simp) || (l.simp.length <= 80 && new RegExp(FULL_DATE_RE.source).test(l.simp)));
  const aboveMeta = metaLine
    ? head.filter((l) => l.idx < metaLine.idx && !(NAV_LINE_RE.test(l.simp) || isChrome(l.simp))).at(-1)
    : undefined;
  const pick =
    aboveMeta && titleLike(aboveMeta) && !isSiteLine(aboveMeta.simp) && /[\u4e00-\u9fff].*[\u4e00-\u9fff]/.test(aboveMeta.simp)
      ? aboveMeta
      : SITE_NAME_RE.test(cand[0]?.simp ?? "") && titleLike(cand[1])
        ? cand[1]
        : isSiteLine(cand[0]?.simp ?? "")
          ? undefined
          : cand[0];
  if (pick && titleLike(pick)) {
    title = pick.clean.replace(/\s+/g, " ");
    const line = n.lines[pick.idx] as { start: number; end: number };
    titleRange = [line.start, line.end];
  } else if (head[0]) {
    // A page flattened to one line: the headline, then the date line (县政府召开常务会议 2023-03-02 10:20 来源：…).
    const flat = FLAT_TITLE_RE.exec(head[0].clean);
    if (flat && !NAV_LINE_RE.test(head[0].simp)) {
      title = flat[1] as string;
      const line = n.lines[head[0].idx] as { start: number };
      const at = n.written.indexOf(title, line.start);
      titleRange = [at, at + title.length];
    }
  }
  // Source and published: header lines with 来源 / a full date.
  let source: string | null = null;
  let published: string | null = null;
  const cands = [...head];
  const lastHead = head.length ? (head[head.length - 1] as { idx: number }).idx : -1;
  for (let p = n.simp.indexOf("来源"); p >= 0 && cands.length < HEADER_LINES + 20; p = n.simp.indexOf("来源", p + 2)) {
    let a = p;
    while (a > 0 && p - a < 120 && n.simp[a - 1] !== "\n") a--;
    let b = p;
    while (b < n.simp.length && b - p < 120 && n.simp[b] !== "\n") b++;
    const simp = n.simp.slice(a, b).trim();
    if (simp.length > 120 || (a > 0 && n.simp[a - 1] !== "\n")) continue;
    const idx = lineIndexAt(n, a);
    if (idx <= lastHead) continue;
    cands.push({ clean: n.written.slice(a, b).trim(), simp, idx });
  }
  for (const l of cands) {
    const sm = SOURCE_RE.exec(l.simp);
    if (sm && !source) {
      const raw = l.clean.slice(sm.index, sm.index + sm[0].length);
      const outlet = (SOURCE_RE.exec(raw)?.[1] ?? sm[1] ?? "").split(SOURCE_SUFFIX_SPLIT_RE)[0]?.replace(/[0-9]+$/, "") ?? "";
      if (outlet.length >= 2) source = outlet;
    }
    // A date line of the header (not a lead sentence: 2023年4月18日，全县召开… is an event date).
    if (!published && (sm || (l.idx < 6 && l.simp.length <= 80 && !/[,，。;；]/.test(l.simp)))) {
      const re = new RegExp(FULL_DATE_RE.source, "g");
      const dates: { pos: number; date: string }[] = [];
      let m: RegExpExecArray | null;
      while ((m = re.exec(l.simp)) !== null) {
        const d = dateOf(m);
        if (d) dates.push({ pos: m.index, date: d });
      }
      if (dates.length) {
        // A date written after the source names that outlet's issue (来源:淮北日报 2020/01/10).
        const afterSource = sm ? dates.find((d) => d.pos > sm.index) : undefined;
        published = (afterSource ?? dates[0])?.date ?? null;
        // An outlet named at the end of the date line without a 来源 label: 2022年11月03日 10:00 澎湃新闻.
        const outlet = sm ? null : OUTLET_AFTER_DATE_RE.exec(l.simp);
        if (!source && outlet && outlet.index > (dates[0]?.pos ?? 0)) {
          source = l.clean.slice(outlet.index + outlet[0].length - (outlet[1] as string).length, outlet.index + outlet[0].length);
        }
      }
    }
  }
  return { title, titleRange, published, source };
}
