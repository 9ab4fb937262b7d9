/**
 * Normalisation shared by article text and metadata at ingest. Invisible format characters are
 * removed: bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), marks (U+200E,
 * U+200F, U+061C), zero-width characters (U+200B–200D, U+2060, U+FEFF) and the invisible math
 * operators (U+2061–2064), soft hyphen (U+00AD) and Mongolian vowel separator (U+180E). None
 * carries meaning in Chinese government text; each can make `杜集\u202e区` look like 杜集区
 * while being another place key, or make a copy of an article hash differently.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, "");
}

/** True when `s` holds a UTF-16 surrogate without its pair (not text: it has no UTF-8 form). */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}
