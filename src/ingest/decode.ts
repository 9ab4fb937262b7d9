/**
 * Bytes → text for article bodies and files (used by the ingest route and the extract CLI).
 *
 * Detection, when no charset is declared (documented in the README):
 *   1. a byte-order mark decides (UTF-8, UTF-16LE/BE);
 *   2. bytes that are valid UTF-8 are UTF-8;
 *   3. otherwise GB18030 and Big5 are both tried (strict); when both decode, the one whose text
 *      holds more of the most frequent Chinese characters (the same in both scripts) wins,
 *      GB18030 on a tie (mainland government sites are the common case).
 * A declared charset is honoured strictly: bytes invalid in it are `undecodable_text`. A declared
 * legacy Chinese charset can still lie: WHATWG's gbk decodes most Big5 byte pairs (and Big5 many
 * GBK ones) without error, as mojibake. So when the declared charset's text fails the same
 * common-character test (real Chinese text has about a fifth of its Han characters among COMMON;
 * mojibake has 0–3%) and another candidate passes it clearly, that candidate is used; `declared`
 * keeps what the sender said, so the article records both.
 */

export type Decoded =
  | { ok: true; text: string; encoding: string; declared: string | null }
  | { ok: false; code: "unsupported_charset" | "undecodable_text"; detail: string };

/** Charset labels accepted from Content-Type, mapped to the decoder used. */
const CHARSETS: Record<string, string> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  gbk: "gbk",
  gb2312: "gbk",
  "x-gbk": "gbk",
  cp936: "gbk",
  gb18030: "gb18030",
  big5: "big5",
  "big5-hkscs": "big5",
  "x-big5": "big5",
};

/** Frequent characters written the same in simplified and traditional text. */
const COMMON = new Set([..."的一是在不了有和人中大上以要年工作地出生成分可主同市日月元家全新企业行展提设发区县镇村建设会为到说对等部于其"]);

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function commonScore(text: string): number {
  let n = 0;
  for (const ch of text) if (COMMON.has(ch)) n++;
  return n;
}

const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c >= 0x20000;

/** Common characters and Han characters in `text` (one pass). */
function plausibility(text: string): { common: number; han: number } {
  let common = 0;
  let han = 0;
  for (const ch of text) {
    if (isHan(ch.codePointAt(0)!)) {
      han++;
      if (COMMON.has(ch)) common++;
    }
  }
  return { common, han };
}

/** Fewer Han characters than this say nothing either way. */
const MIN_HAN = 20;
/** Below this share of COMMON among Han characters a text is mojibake (real text: ~0.2). */
const IMPLAUSIBLE = 0.05;
/** A replacement must look like real text at least this clearly. */
const PLAUSIBLE = 0.1;

const LEGACY_ALTERNATIVES: Record<string, string[]> = { gbk: ["big5"], gb18030: ["big5"], big5: ["gb18030"] };

/** The declared charset's text, or a clearly better strict decoding when that one is mojibake. */
function checkDeclared(encoding: string, text: string, bytes: Uint8Array): { text: string; encoding: string } {
  const alternatives = LEGACY_ALTERNATIVES[encoding];
  if (!alternatives) return { text, encoding };
  const declared = plausibility(text);
  if (declared.han < MIN_HAN || declared.common >= IMPLAUSIBLE * declared.han) return { text, encoding };
  for (const alt of alternatives) {
    const altText = tryDecode(alt, bytes);
    if (altText === null) continue;
    const p = plausibility(altText);
    if (p.han >= MIN_HAN && p.common >= PLAUSIBLE * p.han && p.common > 3 * declared.common) return { text: altText, encoding: alt };
  }
  return { text, encoding };
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** Normalises a charset label; null when unsupported. */
export function supportedCharset(label: string): string | null {
  return CHARSETS[label.trim().toLowerCase().replace(/^["']|["']$/g, "")] ?? null;
}

export function decodeBytes(bytes: Uint8Array, charset?: string | null): Decoded {
  if (charset) {
    const encoding = supportedCharset(charset);
    if (!encoding) {
      return { ok: false, code: "unsupported_charset", detail: `charset "${charset}" is not supported (utf-8, gbk, gb18030, big5)` };
    }
    const text = tryDecode(encoding, bytes);
    if (text === null) return { ok: false, code: "undecodable_text", detail: `the body is not valid ${encoding}` };
    return { ok: true, ...checkDeclared(encoding, text, bytes), declared: encoding };
  }
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = tryDecode(bom, bytes);
    return text === null
      ? { ok: false, code: "undecodable_text", detail: `the body starts with a ${bom} byte-order mark but is not valid ${bom}` }
      : { ok: true, text, encoding: bom, declared: null };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8", declared: null };
  const gb = tryDecode("gb18030", bytes);
  const big5 = tryDecode("big5", bytes);
  if (gb !== null && (big5 === null || commonScore(gb) >= commonScore(big5))) return { ok: true, text: gb, encoding: "gb18030", declared: null };
  if (big5 !== null) return { ok: true, text: big5, encoding: "big5", declared: null };
  return { ok: false, code: "undecodable_text", detail: "the body is not valid UTF-8, GB18030 or Big5; declare its charset" };
}
