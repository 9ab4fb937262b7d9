/**
 * Bytes → text for article bodies and files (used by the ingest route and the extract CLI).
 *
 * Detection, when no charset is declared (documented in the README):
 *   1. a byte-order mark decides (UTF-8, UTF-16LE/BE);
 *   2. bytes that are valid UTF-8 are UTF-8;
 *   3. otherwise GB18030 and Big5 are both tried (strict); when both decode, the one whose text
 *      holds more of the most frequent Chinese characters (the same in both scripts) wins,
 *      GB18030 on a tie (mainland government sites are the common case).
 * A declared charset is honoured strictly: bytes invalid in it are `undecodable_text`.
 */

export type Decoded =
  | { ok: true; text: string; encoding: string }
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
    return text === null
      ? { ok: false, code: "undecodable_text", detail: `the body is not valid ${encoding}` }
      : { ok: true, text, encoding };
  }
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = tryDecode(bom, bytes);
    return text === null
      ? { ok: false, code: "undecodable_text", detail: `the body starts with a ${bom} byte-order mark but is not valid ${bom}` }
      : { ok: true, text, encoding: bom };
  }
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8" };
  const gb = tryDecode("gb18030", bytes);
  const big5 = tryDecode("big5", bytes);
  if (gb !== null && (big5 === null || commonScore(gb) >= commonScore(big5))) return { ok: true, text: gb, encoding: "gb18030" };
  if (big5 !== null) return { ok: true, text: big5, encoding: "big5" };
  return { ok: false, code: "undecodable_text", detail: "the body is not valid UTF-8, GB18030 or Big5; declare its charset" };
}
