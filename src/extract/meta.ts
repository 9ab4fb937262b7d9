/**
 * Stage 6a: the article's own facts — title, published date, source — read from the header:
 * front matter (title:, date:), labelled fields (标题：, 发文单位：, 发布时间：, 来源：, 作者：),
 * a report's subtitle (2026年1月14日在…会议上), the date/source line, and bylines. Page
 * furniture (navigation, print and font controls, e-paper headers, site-network lines,
 * metadata-table rows) and section headings are never the title. Dates in the body (7月13日)
 * never count as the publication date.
 */
import { lineAt, type Line, type Normalised } from "./normalise";
import { CHROME_LINE_RES } from "./rules/noise";
import { parseChinese } from "./numbers";
import { CN_DIGITS } from "./rules/numerals";
import {
  SOURCE_RE,
  SOURCE_WORDS,
  SOURCE_SUFFIX_SPLIT_RE,
  FULL_DATE_RE,
  NAV_LINE_RE,
  SITE_NAME_RE,
  ISSUER_LINE_RE,
  SITE_LINE_SPLIT_RE,
  TITLE_PUNCT_RE,
  TITLE_BAD_END_RE,
  DATE_OPENING_RE,
  FRONT_MATTER_QUOTES_RE,
  URL_LIKE_RE,
  CLAUSE_PUNCT_RE,
  SPACE_RE,
  OUTLET_AFTER_DATE_RE,
  OUTLET_BEFORE_DATE_RE,
  FLAT_TITLE_RE,
  FLAT_BREADCRUMB_RE,
  FLAT_DATE_REACH,
  FLAT_TITLE_WORDS_RE,
  LABELLED_LINE_RE,
  LABEL_FIELD,
  METADATA_ROW_RE,
  METADATA_HEAD,
  SPACES_RE,
  METADATA_ISSUER_RE,
  CONTROL_LINE_RE,
  BRACKET_CELLS_LINE_RE,
  BYLINE_LINE_RE,
  SUPPORT_LINE_RE,
  SECTION_HEADING_RE,
  REPORT_SUBTITLE_RE,
  REPORT_SESSION_RE,
  SUBTITLE_LINE_RE,
  TITLE_SUBTITLE_SPLIT_RE,
  EVENT_DATE_LABEL_RE,
  FRONT_MATTER_FIELD_RE,
  RFC2822_DATE_RE,
  BYLINE_RE,
  REPORTER_OF_RE,
  NOT_OUTLET_RE,
} from "./rules/facts";
import { anyMatch, scanner } from "./scan";
import { isIdeograph, isSpaceCode } from "./text";

export interface Meta {
  /** [start, end) of the title line in the clean text, when the title is a line of the text. */
  titleRange?: [number, number];
  title: string | null;
  published: string | null;
  source: string | null;
}

/** Header lines read (non-empty): pages with a column of controls need more than a dozen. */
const HEADER_LINES = 40;
/** A headline candidate is among the first few content lines. */
const HEADLINE_LINES = 12;
const MAX_TITLE = 40;
/** A headline without sentence punctuation may run longer (a bulletin's one-line event name). */
const MAX_BARE_TITLE = 64;
/** A header date line is among the first this many non-blank lines (after any front matter). */
const DATE_LINE_RANK = 6;
/** Bylines and reporter mentions are looked for in this much of the text. */
const BYLINE_SCAN = 4000;

interface HeadLine {
  clean: string;
  simp: string;
  idx: number;
  /** Lines of text before this one, site chrome and blank lines not counted. */
  rank?: number;
  /** Memo of subtitleDate(simp). */
  subtitleDate?: string | null;
  /** Memo of sourceLabel(). */
  source?: RegExpExecArray | null;
}

function lineTexts(n: Normalised, max: number): HeadLine[] {
  // `clean` here is the article's own writing (full-width forms kept): titles are as written.
  const out: HeadLine[] = [];
  let rank = 0;
  for (let i = 0; i < n.lines.length && out.length < max; i++) {
    const l = n.lines[i] as Line;
    const simp = n.simp.slice(l.start, Math.min(l.end, l.start + 400)).trim();
    if (!simp) continue;
    out.push({ clean: n.written.slice(l.start, Math.min(l.end, l.start + 400)).trim(), simp, idx: i, rank });
    if (!l.chrome) rank++;
  }
  return out;
}

const pad = (x: string | number) => String(x).padStart(2, "0");

function ymd(y: number, mo: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100) || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

function dateOf(m: RegExpExecArray): string | null {
  const y = m[1];
  const mo = m[2] ?? m[4];
  const d = m[3] ?? m[5];
  if (!y || !mo || !d) return null;
  return ymd(Number(y), Number(mo), Number(d));
}

/** The full dates in `s` before any event label (活动日期 | 2021-01-30 is not the page's date). */
function firstDate(s: string): { pos: number; date: string }[] {
  const re = FULL_DATE_RE;
  re.lastIndex = 0;
  const out: { pos: number; date: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    // Every date after an event label is the event's (活动日期 | 2021-01-30 09:00 至 2021-01-30 11:00).
    if (EVENT_DATE_LABEL_RE.test(s.slice(0, m.index))) break;
    const d = dateOf(m);
    if (d) out.push({ pos: m.index, date: d });
  }
  return out;
}

/** 二〇二六 -> 2026 (digit by digit). */
function cnYear(s: string): number {
  let y = 0;
  for (const c of s) y = y * 10 + (CN_DIGITS[c] ?? NaN);
  return y;
}

/** The delivery date in a report subtitle (2026年1月14日在…会议上 / 二〇二六年一月二十七日在…). */
const REPORT_SUBTITLE = scanner(REPORT_SUBTITLE_RE);

/** Whether `s` holds 日在 or 日 在 (a whitespace between): every subtitle date ends so. */
function hasDayThenAt(s: string): boolean {
  for (let p = s.indexOf("在", 1); p >= 0; p = s.indexOf("在", p + 1)) {
    const b = s.charCodeAt(p - 1);
    if (b === 0x65e5 || (p >= 2 && isSpaceCode(b) && s.charCodeAt(p - 2) === 0x65e5)) return true;
  }
  return false;
}

function subtitleDate(s: string): string | null {
  // Most header lines hold no 日在 nor a session (…会议上 / …大会上): two native searches settle them
  // before the subtitle rule is tried from every digit of the line.
  if (!hasDayThenAt(s) || (s.indexOf("议上") < 0 && s.indexOf("会上") < 0)) return null;
  const m = REPORT_SUBTITLE.next(s, 0);
  if (!m || !REPORT_SESSION_RE.test(s.slice(m.index + m[0].length, m.index + m[0].length + 60))) return null;
  if (m[1]) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  const mo = parseChinese(m[5] ?? "")?.value;
  const d = parseChinese(m[6] ?? "")?.value;
  return mo && d ? ymd(cnYear(m[4] ?? ""), mo, d) : null;
}

/**
 * 经济日报-中国经济网: several outlet or site names joined, nothing else (never a headline; a
 * single name ending in 网 may be one: 织密安全防护网).
 */
function isSiteLine(t: string): boolean {
  const parts = t.split(SITE_LINE_SPLIT_RE).filter(Boolean);
  return parts.length > 1 && parts.every((p) => SITE_NAME_RE.test(p));
}


/** `s` without the digits glued to its end (an outlet name: 淮北日报2020 → 淮北日报); a loop, as /[0-9]+$/ is quadratic on a run of digits. */
function withoutTrailingDigits(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) >= 0x30 && s.charCodeAt(e - 1) <= 0x39) e--;
  return s.slice(0, e);
}

/**
 * Whether a line is a numbered section heading (一、… （一）…). The seam for the sections stage's
 * shared heading helper: point this at it when it lands.
 */
export function isSectionHeading(line: string): boolean {
  return SECTION_HEADING_RE.test(line);
}

/** A header line's subtitle date, read once (the furniture test and the published date both ask). */
function lineSubtitleDate(l: HeadLine): string | null {
  if (l.subtitleDate === undefined) l.subtitleDate = subtitleDate(l.simp);
  return l.subtitleDate;
}

/** The line rules of furniture, run as one (anyMatch: one pass over the line picks those to try). */
const isFurnitureLine = anyMatch([NAV_LINE_RE, ...CHROME_LINE_RES, LABELLED_LINE_RE, CONTROL_LINE_RE, BRACKET_CELLS_LINE_RE, BYLINE_LINE_RE, SUPPORT_LINE_RE, SUBTITLE_LINE_RE]);

/** Lines that are page furniture or metadata, never a headline. */
function isFurniture(l: HeadLine): boolean {
  const s = l.simp;
  // Cheapest tests first (all are pure, so the order does not change the answer).
  return s.startsWith("<") || !twoCjkNear(s) || isFurnitureLine(s) || isMetadataRow(s) || lineSubtitleDate(l) !== null;
}


/** Two CJK characters at most 400 characters apart (what a line needs to be a headline). */
function twoCjkNear(s: string): boolean {
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    if (!isIdeograph(s.charCodeAt(i))) continue;
    if (last >= 0 && i - last <= 401) return true;
    last = i;
  }
  return false;
}


/**
 * METADATA_ROW_RE on the line with its spaces removed. The rule reads only the row's opening
 * label, so the spaces are removed from the line's start only, unless that leaves fewer than
 * METADATA_HEAD characters (then from the whole line, as the rule is written).
 */
function isMetadataRow(s: string): boolean {
  // Most lines have no space near their start: then the rule reads the line as it is.
  let k = 0;
  while (k < s.length && k < METADATA_HEAD && !isSpaceCode(s.charCodeAt(k))) k++;
  if (k === s.length || k === METADATA_HEAD) return METADATA_ROW_RE.test(s);
  if (s.length > 4 * METADATA_HEAD) {
    const head = s.slice(0, 4 * METADATA_HEAD).replace(SPACES_RE, "");
    if (head.length >= METADATA_HEAD) return METADATA_ROW_RE.test(head);
  }
  return METADATA_ROW_RE.test(s.replace(SPACES_RE, ""));
}


function titleLike(l: HeadLine | undefined): l is HeadLine {
  if (!l) return false;
  const bare = !TITLE_PUNCT_RE.test(l.clean);
  return (
    (l.clean.length <= MAX_TITLE || (bare && l.clean.length <= MAX_BARE_TITLE)) &&
    !TITLE_BAD_END_RE.test(l.clean) &&
    !DATE_OPENING_RE.test(l.simp) &&
    !isSiteLine(l.simp) &&
    /[\u4e00-\u9fff].*[\u4e00-\u9fff]/.test(l.simp)
  );
}

interface Labelled {
  title?: string;
  issuer?: string;
  date?: string;
  source?: string;
  author?: string;
  /** Line index where the front matter ends (its closing ---), -1 when none. */
  frontEnd: number;
}

/** A labelled value, written in the article's characters, with a subtitle cut from a title. */
function labelValue(l: HeadLine, simpValue: string): string {
  return l.clean.slice(l.clean.length - simpValue.length).trim();
}

/** Front matter and labelled fields of the header. */
function readLabels(head: HeadLine[]): Labelled {
  const out: Labelled = { frontEnd: -1 };
  // Front matter opens the text, or follows only site chrome (a crawler's header before the file).
  let k = head.findIndex((l) => l.simp === "---");
  if (k >= 0 && head[k]?.rank === 0) {
    for (k++; k < head.length && head[k]?.simp !== "---"; k++) {
      const l = head[k] as HeadLine;
      const m = FRONT_MATTER_FIELD_RE.exec(l.simp);
      if (!m) continue;
      const v = labelValue(l, m[2] as string).replace(FRONT_MATTER_QUOTES_RE, "").trim();
      if (m[1] === "title" && v) out.title ??= v;
      if (m[1] === "date") {
        const iso = firstDate(v)[0]?.date;
        const rfc = RFC2822_DATE_RE.exec(v);
        const d = iso ?? (rfc ? ymd(Number(rfc[3]), "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(rfc[2] as string) / 3 + 1, Number(rfc[1])) : null);
        if (d) out.date ??= d;
      }
    }
    out.frontEnd = head[k]?.idx ?? -1;
  }
  for (let i = 0; i < head.length; i++) {
    const l = head[i] as HeadLine;
    const m = LABELLED_LINE_RE.exec(l.simp);
    const row = m ? null : METADATA_ISSUER_RE.exec(l.simp);
    if (row) out.issuer ??= labelValue(l, l.simp.slice(row.index + row[0].length - (row[1] as string).length)).split(/\s/)[0];
    if (!m) continue;
    const field = LABEL_FIELD[m[1] as string];
    if (!field) continue;
    let value = (m[2] as string).trim();
    let from: HeadLine = l;
    // A label alone on its line: the value is the next line (发表时间：/2026-02-09 09:45:30).
    if (!value) {
      const next = head[i + 1];
      if (!next || LABELLED_LINE_RE.test(next.simp)) continue;
      value = next.simp;
      from = next;
    }
    const written = labelValue(from, value);
    if (field === "date") {
      const d = firstDate(value)[0]?.date;
      if (d) out.date ??= d;
    } else if (field === "title") {
      out.title ??= written;
    } else if (field === "source") {
      const outlet = written.split(SPACE_RE)[0]?.split(SOURCE_SUFFIX_SPLIT_RE)[0] ?? "";
      if (outlet.length >= 2 && !URL_LIKE_RE.test(outlet)) out.source ??= outlet;
    } else {
      const v = written.split(SPACE_RE)[0] ?? "";
      if (v.length >= 2) out[field] ??= v;
    }
  }
  return out;
}

/** SOURCE_RE on a line, run only when the line holds one of SOURCE_WORDS; read once (the date/source line and the source both ask). */
function sourceLabel(l: HeadLine): RegExpExecArray | null {
  if (l.source === undefined) l.source = SOURCE_WORDS.some((w) => l.simp.includes(w)) ? SOURCE_RE.exec(l.simp) : null;
  return l.source;
}

/** The outlet of a dispatch byline or of the reporter people speak to (对第一财经记者说, twice). */
function bylineOutlet(n: Normalised): string | null {
  const s = n.simp.slice(0, BYLINE_SCAN);
  // Both rules need 记者 (and a byline 报道): one native search spares running them over the scan.
  if (s.indexOf("记者") < 0) return null;
  const b = s.indexOf("报道") >= 0 ? BYLINE_RE.exec(s) : null;
  if (b && !NOT_OUTLET_RE.test(b[1] as string)) {
    const at = b.index + b[0].indexOf(b[1] as string);
    return n.written.slice(at, at + (b[1] as string).length);
  }
  const counts = new Map<string, { n: number; at: number }>();
  const re = REPORTER_OF_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const name = m[1] as string;
    if (NOT_OUTLET_RE.test(name)) continue;
    const c = counts.get(name) ?? { n: 0, at: m.index + m[0].indexOf(name) };
    c.n++;
    counts.set(name, c);
  }
  for (const [name, c] of counts) if (c.n >= 2) return n.written.slice(c.at, c.at + name.length);
  return null;
}

/**
 * The first HEADLINE_LINES lines of `body` that are not furniture, the k-th on demand: the lines
 * are tested only as far as asked for (the headline is mostly among the first two or three, and
 * the furniture test reads every character of a line, a page's long paragraphs most of all).
 */
function contentLines(body: HeadLine[]): (k: number) => HeadLine | undefined {
  const found: HeadLine[] = [];
  let i = 0;
  return (k) => {
    while (found.length <= k && found.length < HEADLINE_LINES && i < body.length) {
      const l = body[i++] as HeadLine;
      if (!isFurniture(l)) found.push(l);
    }
    return found[k];
  };
}

/**
 * A page flattened to one line: after its breadcrumb, if any (首页 > 新闻中心 > 本地要闻 ), the
 * headline, then its date line (县政府召开常务会议 2023-03-02 10:20 来源：…, …统计公报 2025年3月15日
 * 保定市统计局 …) or its labels (…50家 发布时间：2024-05-06 来源：…). The date is the first one
 * within FLAT_DATE_REACH of the headline. A line that opens with navigation but no breadcrumb
 * (首页 搜索 …) has no headline to read.
 */
function flatHeadline(l: HeadLine): { title: string; date: string | null } | undefined {
  const crumbs = FLAT_BREADCRUMB_RE.exec(l.clean);
  if (!crumbs && NAV_LINE_RE.test(l.simp)) return undefined;
  const from = crumbs ? crumbs[0].length : 0;
  const m = FLAT_TITLE_RE.exec(from ? l.clean.slice(from) : l.clean);
  if (!m) return undefined;
  const title = m[1] as string;
  // A date line before its label (2022-05-17 来源:…) is no headline.
  if (!FLAT_TITLE_WORDS_RE.test(title)) return undefined;
  // simp and clean are the same line, code unit for code unit (normalise.ts).
  const after = from + title.length;
  const date = firstDate(l.simp.slice(after, after + FLAT_DATE_REACH + 20)).find((d) => d.pos <= FLAT_DATE_REACH)?.date ?? null;
  return { title, date };
}

export function readMeta(n: Normalised): Meta {
  const head = lineTexts(n, HEADER_LINES);
  const labels = readLabels(head);
  const body = head.filter((l) => l.idx > labels.frontEnd);
  const content = contentLines(body);
  // The first content line: the furniture tests start only when no label gives the title.
  const first = labels.title ? undefined : content(0);

  // Title: front matter or 标题： first (without a subtitle), else the headline line.
  let title: string | null = null;
  let titleRange: [number, number] | undefined;
  let issuerLine: HeadLine | undefined;
  /** The date right after a flattened page's headline (its date line, run into the text). */
  let flatDate: string | null = null;
  if (labels.title) {
    title = labels.title.split(TITLE_SUBTITLE_SPLIT_RE)[0]?.trim() || null;
  } else if (first && !isSectionHeading(first.simp)) {
    // The headline stands right above the date/source line (发布日期：… 来源：…); section names and
    // site names above it (新闻动态, 淮北新闻网) give way to it. A page that opens with a section
    // heading is a section of a report: no title.
    const metaLine = body.find((l) => sourceLabel(l) !== null || (l.simp.length <= 80 && firstDate(l.simp).length > 0));
    const above: HeadLine[] = [];
    for (let k = 0, l: HeadLine | undefined = first; metaLine && l && l.idx < metaLine.idx; l = content(++k)) above.push(l);
    // An issuer alone on the line above the date stands below the headline (…统计公报 / 保定市统计局 / 2026年3月15日).
    issuerLine = above.length >= 2 && ISSUER_LINE_RE.test((above.at(-1) as HeadLine).simp) ? above.at(-1) : undefined;
    const aboveMeta = issuerLine ? above.at(-2) : above.at(-1);
    // Some pages put the date/source line first and the headline right below it
    // (2022-05-17 10:21:35 来源: 新华网 / 山东青岛：港口集装箱吞吐量同比增长8.5%).
    let belowMeta = metaLine && !aboveMeta ? first : undefined;
    for (let k = 0; metaLine && belowMeta && belowMeta.idx <= metaLine.idx; ) belowMeta = content(++k);
    const pick = titleLike(aboveMeta)
      ? aboveMeta
      : SITE_NAME_RE.test(first.simp) && titleLike(content(1))
        ? content(1)
        : !titleLike(first) && titleLike(belowMeta)
          ? belowMeta
          : first;
    if (titleLike(pick) && !isSectionHeading(pick.simp)) {
      title = pick.clean.replace(/\s+/g, " ");
      const line = n.lines[pick.idx] as { start: number; end: number };
      titleRange = [line.start, line.end];
    } else if (head[0] && head[0] === body[0]) {
      const flat = flatHeadline(head[0]);
      if (flat) {
        title = flat.title;
        flatDate = flat.date;
        const line = n.lines[head[0].idx] as { start: number };
        const at = n.written.indexOf(title, line.start);
        titleRange = [at, at + title.length];
      }
    }
  }

  // Published: front matter, then a report's subtitle date, then a labelled date, then the
  // date/source line of the header.
  let published: string | null = null;
  for (const l of body.slice(0, HEADLINE_LINES * 2)) {
    const d = lineSubtitleDate(l);
    if (d) { published = d; break; }
  }
  if (labels.title && !published) published = subtitleDate(labels.title);
  published = labels.date && labels.frontEnd >= 0 ? labels.date : (published ?? labels.date ?? null);

  // Source: a labelled 来源 of the header, or the date/source line.
  let source: string | null = labels.source ?? null;
  const cands = [...head];
  const lastHead = head.length ? (head[head.length - 1] as HeadLine).idx : -1;
  const frontRank = Math.max(0, head.find((l) => l.idx === labels.frontEnd)?.rank ?? 0);
  let laterSource: string | null = null;
  // The 来源 lines after the header: the search starts where the header ends (a line that opens
  // in it is not one of them).
  const s = n.simp;
  const from = lastHead >= 0 ? (n.lines[lastHead] as Line).end : 0;
  for (let p = s.indexOf("来源", from); p >= 0 && cands.length < HEADER_LINES + 20; p = s.indexOf("来源", p + 2)) {
    let a = p;
    while (a > 0 && p - a < 120 && s.charCodeAt(a - 1) !== 10) a--;
    let b = p;
    while (b < s.length && b - p < 120 && s.charCodeAt(b) !== 10) b++;
    const simp = s.slice(a, b).trim();
    if (simp.length > 120 || (a > 0 && s.charCodeAt(a - 1) !== 10)) continue;
    const idx = lineAt(n, a);
    if (idx <= lastHead) continue;
    cands.push({ clean: n.written.slice(a, b).trim(), simp, idx });
  }
  let dateLineDate: string | null = null;
  for (const l of cands) {
    const sm = sourceLabel(l);
    let outlet: string | null = null;
    if (sm) {
      const raw = l.clean.slice(sm.index, sm.index + sm[0].length);
      const o = withoutTrailingDigits((SOURCE_RE.exec(raw)?.[1] ?? sm[1] ?? "").split(SOURCE_SUFFIX_SPLIT_RE)[0] ?? "");
      if (o.length >= 2 && !URL_LIKE_RE.test(o)) outlet = o;
    }
    // A 来源 line on its own below the header names the original outlet (the header's is the
    // site republishing it): 来源:央视网 at the end of the article.
    if (outlet && l.idx > lastHead && sm && sm.index === 0 && l.simp.length <= sm[0].length + 2) laterSource ??= outlet;
    if (outlet && !source) source = outlet;
    // A date line of the header (not a lead sentence: 2023年4月18日，全县召开… is an event date).
    if (!dateLineDate && (sm || ((l.rank ?? Infinity) < DATE_LINE_RANK + frontRank && l.simp.length <= 80 && !CLAUSE_PUNCT_RE.test(l.simp)))) {
      const dates = firstDate(l.simp);
      if (dates.length) {
        // A date written after the source names that outlet's issue (来源:淮北日报 2020/01/10).
        const afterSource = sm ? dates.find((d) => d.pos > sm.index) : undefined;
        dateLineDate = (afterSource ?? dates[0])?.date ?? null;
        // An outlet named on the date line without a 来源 label: 2022年11月03日 10:00 澎湃新闻 / 四川日报 2020年09月14日.
        if (!source && !sm) {
          const after = OUTLET_AFTER_DATE_RE.exec(l.simp);
          const before = OUTLET_BEFORE_DATE_RE.exec(l.simp);
          if (after && after.index > (dates[0]?.pos ?? 0)) {
            source = l.clean.slice(after.index + after[0].length - (after[1] as string).length, after.index + after[0].length);
          } else if (before) {
            source = l.clean.slice(0, (before[1] as string).length);
          }
        }
      }
    }
  }
  if (laterSource && laterSource !== source) source = laterSource;
  published ??= dateLineDate ?? flatDate;
  source ??= bylineOutlet(n) ?? labels.issuer ?? issuerLine?.clean ?? (labels.author && SITE_NAME_RE.test(labels.author) ? labels.author : null);
  return { title, titleRange, published, source };
}
