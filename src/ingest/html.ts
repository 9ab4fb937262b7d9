/**
 * HTML article → text with the runtime's own HTMLRewriter: scripts, styles and navigation are
 * dropped, block elements become paragraph breaks, entities are decoded. The page `<title>` is
 * returned for use as the title when the poster sent none.
 */
import { decodeHTML } from "entities";

/** Elements whose whole content is page machinery or chrome, not article text. */
const SKIPPED = "script, style, noscript, template, nav, aside, footer, iframe, svg, form, select, button";
/** Elements that end a paragraph. */
const BLOCKS = "p, div, section, article, main, header, blockquote, li, ul, ol, tr, table, h1, h2, h3, h4, h5, h6, pre, dd, dt";

/** `<meta charset=…>` or `<meta http-equiv content="…charset=…">` in the first bytes (ASCII-safe scan). */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{1,20})/i.exec(head);
  return m ? m[1]! : null;
}

export async function htmlToText(html: string): Promise<{ text: string; title: string | null }> {
  const out: string[] = [];
  const titleParts: string[] = [];
  let skip = 0;
  let inTitle = false;
  const rewriter = new HTMLRewriter()
    .on(SKIPPED, {
      element(el) {
        skip++;
        el.onEndTag(() => {
          skip--;
        });
      },
    })
    .on("title", {
      element(el) {
        inTitle = true;
        el.onEndTag(() => {
          inTitle = false;
        });
      },
    })
    .on(BLOCKS, {
      element(el) {
        out.push("\n\n");
        el.onEndTag(() => {
          out.push("\n\n");
        });
      },
    })
    .on("br", {
      element() {
        out.push("\n");
      },
    })
    .onDocument({
      text(t) {
        if (inTitle) titleParts.push(t.text);
        else if (skip === 0) out.push(t.text);
      },
    });
  await rewriter.transform(new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } })).arrayBuffer();
  const text = decodeHTML(out.join(""))
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t\r\n\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
  const title = decodeHTML(titleParts.join("")).replace(/\s+/g, " ").trim();
  return { text, title: title || null };
}
