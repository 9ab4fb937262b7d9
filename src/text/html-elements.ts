/**
 * The HTML element vocabulary shared by the two readers of markup: the ingest converter
 * (src/ingest/html.ts: an HTML body → paragraphs) and the extractor's in-place blanker
 * (src/extract/markup.ts: tags left in a plain-text article → spaces).
 */

/** Elements dropped with everything inside: page machinery, chrome, embedded graphics, form controls (not forms: CMS pages wrap the whole body in one). */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "nav", "aside", "footer", "iframe", "svg", "math",
  "select", "option", "button", "textarea", "input",
]);
/** Elements whose content is raw text up to their end tag (no tags inside), outside SVG/MathML. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(["script", "style", "noscript", "iframe", "textarea", "title", "xmp", "noembed", "noframes"]);
/** Foreign-content roots: inside them `<x/>` closes itself and nothing is raw text. */
export const FOREIGN_ELEMENTS: ReadonlySet<string> = new Set(["svg", "math"]);
/** Elements that can never have content: nothing to skip past. */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Elements that end a paragraph (and `br`, which ends a line). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  "p", "div", "section", "article", "main", "header", "blockquote", "li", "ul", "ol", "tr", "table",
  "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dd", "dt", "hr",
]);
/** Table cells: their text is kept apart from the next cell's by a space. */
export const CELL_ELEMENTS: ReadonlySet<string> = new Set(["td", "th"]);
/**
 * Every other element name a news page's markup uses: a `<` before one of these names (or one of
 * the sets above) is a tag, anything else (`PM2.5<35`, `a<b`) is text.
 */
export const INLINE_ELEMENTS: ReadonlySet<string> = new Set([
  "a", "abbr", "b", "big", "body", "caption", "center", "cite", "code", "colgroup", "del", "dfn", "dl",
  "em", "figcaption", "figure", "font", "form", "head", "html", "i", "ins", "kbd", "label", "legend",
  "mark", "nobr", "picture", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
  "tbody", "tfoot", "thead", "time", "tt", "u", "var", "video", "audio", "canvas", "object",
  "fieldset", "details", "summary", "address", "frame", "frameset", "o:p",
]);
