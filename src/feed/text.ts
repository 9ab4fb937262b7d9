/**
 * Text helpers shared by the feeds and the pages: XML-safe text, HTML escaping and the Chinese
 * labels of kinds (Beijing-time dates are src/text/beijing.ts).
 */

/** Characters XML 1.0 cannot carry (C0 controls except tab/LF/CR, U+FFFE/U+FFFF) and lone surrogates. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without characters that make XML invalid (crawled pages carry control characters). */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID, "");
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes text for element content and quoted attributes (and drops XML-invalid characters). */
export function esc(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return "";
  return xmlSafe(String(s)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

export const KIND_LABEL = { target: "目标", reported: "实际" } as const;
