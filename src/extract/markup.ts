/**
 * Markup left in a plain-text article — a CMS export, a page body pasted or crawled as text
 * (`<p cms-style="font-L">　　正文…</p>`) — taken out before anything reads the text.
 *
 * Tags, comments and doctypes are removed; a block tag (`<p>`, `</div>`, `<br>`) inside a line
 * becomes a line break, so paragraphs stay lines; the content of raw-text elements (`<script>`,
 * `<style>`, `<title>`) is removed; a character reference (`&ldquo;`, `&#123;`) becomes its
 * character. A map from each index of the result to the input keeps every offset the later stages
 * report pointing into the text as posted. Left as markup, a tag's `>` makes a line look like a
 * breadcrumb (site chrome), a `<p …>` before a heading hides the heading, and a tag before a
 * headline hides the headline.
 *
 * A `<` is a tag only before a known element name (src/text/html-elements.ts) and only when its
 * `>` comes before the next `<` and within MAX_TAG characters: `PM2.5<35`, `a<b` and a lone `<` are
 * text. One forward scan; the end of an unclosed comment or raw-text element is searched for once
 * (per element name), so the scan stays linear on any input.
 */
import { decodeHTML } from "entities";
import { applyEdits, type Edited } from "./edits";
import { BLOCK_ELEMENTS, CELL_ELEMENTS, INLINE_ELEMENTS, RAW_TEXT_ELEMENTS, SKIPPED_ELEMENTS, VOID_ELEMENTS } from "../text/html-elements";

/** Longest tag (with its attributes) taken as markup; past this a `<…>` is text. */
const MAX_TAG = 2000;
/** Tags looked past for the end of a line after a block tag. */
const LOOKAHEAD_TAGS = 8;
/** Longest character reference read (`&thetasym;` is 10). */
const MAX_REFERENCE = 12;

/** What markupAt asks of an element name, as bits of KIND (0: not a known element). */
const ELEMENT = 1;
const RAW_TEXT = 2;
/** A block element, or br: a line break where text precedes it on its line. */
const BREAKS = 4;
const CELL = 8;
/** Element name -> its bits: one lookup per tag instead of one per element set asked. */
const KIND = new Map<string, number>();
const addKind = (names: Iterable<string>, bits: number) => {
  for (const name of names) KIND.set(name, (KIND.get(name) ?? 0) | ELEMENT | bits);
};
addKind(INLINE_ELEMENTS, 0);
addKind(SKIPPED_ELEMENTS, 0);
addKind(VOID_ELEMENTS, 0);
addKind(RAW_TEXT_ELEMENTS, RAW_TEXT);
addKind(BLOCK_ELEMENTS, BREAKS);
addKind(["br"], BREAKS);
addKind(CELL_ELEMENTS, CELL);

/** ASCII letter, digit or `:` (Word's `o:p`): a tag name's characters. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x3a;
}
/** Space, tab, CR or an ideographic space: not text for deciding where lines break. */
function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0;
}
/** Letter, digit or `#`: a character reference's characters. */
function isReferenceChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x23;
}

/** The text without its markup, and result index -> input index (null when nothing was removed). */
export function stripMarkup(s: string): Edited {
  // Quick test: with neither `<` nor `&` there is no markup.
  if (s.indexOf("<") === -1 && s.indexOf("&") === -1) return { text: s, map: null };
  return new Stripper(s).run();
}

class Stripper {
  /** Spans replaced, as applyEdits reads them: from, to, and a line break, a decoded character or -1 (nothing). */
  private readonly edits: number[] = [];
  /** Raw-text element names whose end tag is known to be absent from the rest of the text. */
  private readonly unclosed = new Set<string>();
  /** False once a comment was found unclosed: no later one can close either. */
  private commentsClose = true;
  /** Text has been kept since the last line break (so a block tag here must break the line). */
  private textSinceBreak = false;

  constructor(private readonly s: string) {}

  run(): Edited {
    const s = this.s;
    // From one `<` or `&` to the next by native search; the text between only updates
    // textSinceBreak, read backwards from the markup to its line's last break or character.
    let lt = s.indexOf("<");
    let amp = s.indexOf("&");
    for (let i = 0; lt !== -1 || amp !== -1; ) {
      const at = lt === -1 || (amp !== -1 && amp < lt) ? amp : lt;
      this.noteText(i, at);
      const end = at === lt ? this.markupAt(at) : this.referenceAt(at);
      if (end === -1) this.textSinceBreak = true; // the `<` or `&` itself is text
      i = end === -1 ? at + 1 : end;
      if (lt !== -1 && lt < i) lt = s.indexOf("<", i);
      if (amp !== -1 && amp < i) amp = s.indexOf("&", i);
    }
    return applyEdits(s, this.edits);
  }

  /** Whether text kept in s[from, to) leaves its line with text since the last break. */
  private noteText(from: number, to: number): void {
    const s = this.s;
    for (let j = to - 1; j >= from; j--) {
      const c = s.charCodeAt(j);
      if (c === 0x0a) {
        this.textSinceBreak = false;
        return;
      }
      if (!isBlank(c)) {
        this.textSinceBreak = true;
        return;
      }
    }
  }

  private replace(from: number, to: number, by: number): void {
    this.edits.push(from, to, by);
  }

  /** Removes the comment, doctype or tag at `lt`; returns the index after it, or -1 when it is text. */
  private markupAt(lt: number): number {
    const s = this.s;
    if (s.startsWith("<!--", lt)) {
      const close = this.commentsClose ? s.indexOf("-->", lt + 4) : -1;
      if (close === -1) {
        this.commentsClose = false;
        return -1;
      }
      this.replace(lt, close + 3, -1);
      return close + 3;
    }
    const tag = this.tagAt(lt);
    if (!tag) return -1;
    let end = tag.end;
    if (!tag.closing && tag.kind & RAW_TEXT && !this.unclosed.has(tag.name)) {
      const close = this.endTagOf(tag.name, end);
      if (close === -1) this.unclosed.add(tag.name);
      else end = this.tagAt(close)?.end ?? close;
    }
    const breaks = (tag.kind & BREAKS) !== 0 && this.textSinceBreak && !this.lineEndsAt(end);
    if (breaks) this.textSinceBreak = false;
    // A cell opening after text on its line keeps the two cells' text apart.
    const spaced = !breaks && !tag.closing && (tag.kind & CELL) !== 0 && this.textSinceBreak;
    this.replace(lt, end, breaks ? 0x0a : spaced ? 0x20 : -1);
    return end;
  }

  /**
   * Only blanks and a few more tags stand between `from` and the end of its line or the text
   * (`</p></div>\n`): no break is needed. The look ahead is bounded, so a run of tags stays linear.
   */
  private lineEndsAt(from: number): boolean {
    const s = this.s;
    let j = from;
    for (let tags = 0; ; ) {
      while (j < s.length && isBlank(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) !== 0x3c || ++tags > LOOKAHEAD_TAGS) break;
      const tag = this.tagAt(j);
      if (!tag) break;
      j = tag.end;
    }
    return j === s.length || s.charCodeAt(j) === 0x0a || s.charCodeAt(j) === 0x0d;
  }

  /** The tag (or `<!doctype …>`) at `lt` when it names a known element and closes in time. */
  private tagAt(lt: number): { name: string; kind: number; closing: boolean; end: number } | undefined {
    const s = this.s;
    const closing = s.charCodeAt(lt + 1) === 0x2f;
    const bang = s.charCodeAt(lt + 1) === 0x21;
    let j = lt + (closing || bang ? 2 : 1);
    const nameStart = j;
    while (j < s.length && j - nameStart < 12 && isNameChar(s.charCodeAt(j))) j++;
    const name = s.slice(nameStart, j).toLowerCase();
    const kind = KIND.get(name) ?? 0;
    if (bang ? name !== "doctype" : kind === 0) return undefined;
    const next = s.charCodeAt(j);
    if (!(next === 0x3e || next === 0x2f || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d)) return undefined;
    // Up to the `>`, skipping quoted attribute values. Another `<` first (even in quotes) means
    // this was text: so no character is read by two candidate tags, and the scan stays linear.
    const limit = Math.min(s.length, lt + MAX_TAG);
    for (let quote = 0; j < limit; j++) {
      const c = s.charCodeAt(j);
      if (c === 0x3c) return undefined;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) return { name, kind, closing, end: j + 1 };
      else if (c === 0x22 || c === 0x27) quote = c;
    }
    return undefined;
  }

  /** Index of the `</name` that closes a raw-text element opened before `from`, or -1. */
  private endTagOf(name: string, from: number): number {
    const s = this.s;
    for (let at = s.indexOf("</", from); at !== -1; at = s.indexOf("</", at + 2)) {
      if (s.slice(at + 2, at + 2 + name.length).toLowerCase() === name && !isNameChar(s.charCodeAt(at + 2 + name.length))) return at;
    }
    return -1;
  }

  /** Decodes the character reference at `amp` in place; returns the index after it, or -1. */
  private referenceAt(amp: number): number {
    const s = this.s;
    let j = amp + 1;
    while (j < s.length && j - amp < MAX_REFERENCE && isReferenceChar(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== 0x3b || j === amp + 1) return -1;
    const decoded = decodeHTML(s.slice(amp, j + 1));
    // Unknown names decode to themselves; a character outside the BMP (two units) stays written.
    if (decoded.length !== 1 || decoded === s.slice(amp, j + 1)) return -1;
    this.replace(amp, j + 1, decoded.charCodeAt(0));
    this.textSinceBreak = true;
    return j + 1;
  }
}
