/**
 * HTML article → text: scripts, styles, navigation, footers, embedded SVG/MathML and form
 * controls are dropped, block elements become paragraph breaks, character references are decoded.
 * The page `<title>` is returned for use as the title when the poster sent none.
 *
 * A single forward scan over the markup, not a DOM and not HTMLRewriter: only the few things
 * text extraction needs are tokenised (tags and their names, attribute quoting, comments, raw-text
 * elements, self-closing foreign elements), so the cost is linear in the bytes and a few
 * operations per tag. HTMLRewriter costs ~30 µs per element inside workerd (a 2 MB page of `<br>`
 * is half a million elements: seconds to minutes of CPU) and its end-tag handlers throw on
 * elements that cannot have content (`<svg/>`, `<svg><title/></svg>`); htmlparser2 keeps its open
 * elements with `Array.unshift`, quadratic for deep nesting. This scanner never throws and holds
 * at most one stack entry per open skipped element.
 */
import { decodeHTML } from "entities";
import {
  BLOCK_ELEMENTS as BLOCKS,
  CELL_ELEMENTS as CELLS,
  FOREIGN_ELEMENTS as FOREIGN,
  RAW_TEXT_ELEMENTS as RAW_TEXT,
  SKIPPED_ELEMENTS as SKIPPED,
  VOID_ELEMENTS as VOID,
} from "../text/html-elements";

/** `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the first bytes (ASCII-safe scan). */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{1,20})/i.exec(head);
  return m ? m[1]! : null;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** HTML white space (tab, LF, FF, CR, space). */
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
/** Ends a tag or attribute name. */
const endsName = (c: number) => isSpace(c) || c === 0x2f || c === 0x3e;

/** A blank line inside a run of text (a paragraph break written as line breaks). */
const BLANK_LINE = /\n[ \t\r\f\u00a0]*\n/;
const WHITE_RUN = /[ \t\r\n\f\u00a0]+/g;

/** Index of the first `</name` (ASCII case-insensitive) at or after `from`, or -1. */
function findEndTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf("</", from); at !== -1; at = html.indexOf("</", at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name && (at + 2 + name.length >= html.length || endsName(html.charCodeAt(at + 2 + name.length)))) {
      return at;
    }
  }
  return -1;
}

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just past the tag's `>` (html.length when the tag runs to the end). */
  end: number;
}

/** Reads the tag starting at `lt` (`<` or `</` followed by a letter). Attribute values are skipped, honouring quotes. */
function readTag(html: string, lt: number): Tag {
  const n = html.length;
  const closing = html.charCodeAt(lt + 1) === 0x2f;
  let j = lt + (closing ? 2 : 1);
  const start = j;
  while (j < n && !endsName(html.charCodeAt(j))) j++;
  const name = html.slice(start, j).toLowerCase();
  let selfClosing = false;
  while (j < n) {
    const c = html.charCodeAt(j);
    if (c === 0x3e) return { name, closing, selfClosing, end: j + 1 };
    if (isSpace(c)) {
      j++;
      continue;
    }
    if (c === 0x2f) {
      j++;
      selfClosing = html.charCodeAt(j) === 0x3e;
      continue;
    }
    selfClosing = false;
    // attribute name (a leading "=" belongs to it), then an optional value
    j++;
    while (j < n && !endsName(html.charCodeAt(j)) && html.charCodeAt(j) !== 0x3d) j++;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) !== 0x3d) continue;
    j++;
    while (j < n && isSpace(html.charCodeAt(j))) j++;
    const q = html.charCodeAt(j);
    if (q === 0x22 || q === 0x27) {
      const close = html.indexOf(q === 0x22 ? '"' : "'", j + 1);
      j = close === -1 ? n : close + 1;
    } else {
      while (j < n && !isSpace(html.charCodeAt(j)) && html.charCodeAt(j) !== 0x3e) j++;
    }
  }
  return { name, closing, selfClosing, end: n };
}

/** Decoded text of one block, split at blank lines, white space folded; empty pieces dropped. */
function paragraphs(raw: string, out: string[]): void {
  // The cheap cases first: most blocks have no reference and no line break.
  const text = raw.includes("&") ? decodeHTML(raw) : raw;
  for (const piece of text.includes("\n") ? text.split(BLANK_LINE) : [text]) {
    const p = piece.replace(WHITE_RUN, " ").trim();
    if (p) out.push(p);
  }
}

export function htmlToText(html: string): { text: string; title: string | null } {
  const out: string[] = [];
  const titleParts: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 0) paragraphs(block.join(""), out);
    block = [];
  };
  /** A line break; two in a row make a blank line (a paragraph break), more add nothing. */
  const lineBreak = () => {
    const last = block.length - 1;
    if (block[last] === "\n") block[last] = "\n\n";
    else if (block[last] !== "\n\n") block.push("\n");
  };
  /** Open skipped elements, innermost last, with a count per name so an unmatched end tag costs O(1). */
  const skipped: string[] = [];
  const openCount = new Map<string, number>();
  let foreign = 0;
  const push = (name: string) => {
    skipped.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (FOREIGN.has(name)) foreign++;
  };
  /** Closes `name` and every skipped element opened inside it. */
  const popTo = (name: string) => {
    for (;;) {
      const top = skipped.pop()!;
      openCount.set(top, openCount.get(top)! - 1);
      if (FOREIGN.has(top)) foreign--;
      if (top === name) return;
    }
  };

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i && skipped.length === 0) block.push(html.slice(i, textEnd));
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith("<!--", lt)) {
      // `<!-->` and `<!--->` are empty comments; an unclosed comment runs to the end
      const close = html.indexOf("-->", lt + 2);
      i = close === -1 ? n : close + 3;
      continue;
    }
    if (foreign > 0 && html.startsWith("<![CDATA[", lt)) {
      const close = html.indexOf("]]>", lt + 9);
      i = close === -1 ? n : close + 3;
      continue;
    }
    const closingLetter = next === 0x2f && isAsciiLetter(html.charCodeAt(lt + 2));
    if (next === 0x21 || next === 0x3f || (next === 0x2f && !closingLetter)) {
      // doctype, processing instruction, `</ …>`: a bogus comment up to the next `>`
      const close = html.indexOf(">", lt + 2);
      i = close === -1 ? n : close + 1;
      continue;
    }
    if (!isAsciiLetter(next) && !closingLetter) {
      if (skipped.length === 0) block.push("<");
      i = lt + 1;
      continue;
    }
    const tag = readTag(html, lt);
    i = tag.end;
    if (tag.closing) {
      if ((openCount.get(tag.name) ?? 0) > 0) popTo(tag.name);
      else if (skipped.length === 0 && BLOCKS.has(tag.name)) flush();
      else if (skipped.length === 0 && tag.name === "br") lineBreak();
      continue;
    }
    // Outside SVG/MathML, raw-text elements hold no tags: jump to their end tag.
    if (foreign === 0 && RAW_TEXT.has(tag.name)) {
      const close = findEndTag(html, tag.name, i);
      const contentEnd = close === -1 ? n : close;
      if (tag.name === "title" && skipped.length === 0) titleParts.push(html.slice(i, contentEnd));
      i = close === -1 ? n : readTag(html, close).end;
      continue;
    }
    if (SKIPPED.has(tag.name) || foreign > 0) {
      // Inside foreign content `<x/>` has no content (and every element is tracked, so its end
      // tag is matched); in HTML only void elements have none.
      const empty = VOID.has(tag.name) || (tag.selfClosing && (foreign > 0 || FOREIGN.has(tag.name)));
      if (!empty) push(tag.name);
      continue;
    }
    if (skipped.length > 0) continue;
    if (BLOCKS.has(tag.name)) flush();
    else if (tag.name === "br") lineBreak();
    else if (CELLS.has(tag.name) && block.length > 0) block.push(" ");
  }
  flush();
  const title = decodeHTML(titleParts.join("")).replace(WHITE_RUN, " ").trim();
  return { text: out.join("\n\n"), title: title || null };
}
