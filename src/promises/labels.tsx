/**
 * How promises are shown wherever they appear (scorecard, article page, feeds): verdict labels and
 * badges, a figure with its qualifier, and where a promise's scorecard row is.
 */
import type { PromiseFigure, PromiseItem } from "../db/queries/promises";

export const VERDICT_LABEL: Record<PromiseItem["verdict"], string> = { met: "完成", missed: "未完成", no_report: "未报告", pending: "待评" };

const APPROX_LABEL = { about: "左右", more_than: "以上", less_than: "以内" } as const;

/** The figure as the target wrote it, qualifier included (7%左右: the qualifier decides the verdict). */
export const withQualifier = (f: Pick<PromiseFigure, "text" | "approx">) => `${f.text}${f.approx && !f.text.endsWith(APPROX_LABEL[f.approx]) ? APPROX_LABEL[f.approx] : ""}`;

/** The promise's row on its place's scorecard (/places/:place, by code when the place has one). */
export const promiseHref = (p: Pick<PromiseItem, "id" | "place" | "place_code">) => `/places/${encodeURIComponent(p.place_code ?? p.place)}#promise-${p.id}`;

/** The sentence a promise figure came from, on its article page. */
export const figureHref = (f: Pick<PromiseFigure, "article_id" | "seq">) => `/articles/${f.article_id}#f-${f.seq}`;

/** Verdict badges: text label plus colour and border style, so they differ without colour too. */
export const BADGE_CSS =
  ".badge{display:inline-block;padding:0 .4em;border:2px solid;border-radius:3px;white-space:nowrap}" +
  ".verdict-met{color:#0b5394}.verdict-missed{color:#8a3b00;border-style:double}" +
  ".verdict-no_report{color:#4a4a4a;border-style:dashed}.verdict-pending{color:#4a4a4a;border-style:dotted}" +
  // An article's figure that is a tracked promise or an outcome of one (src/pages/views.tsx).
  "mark.promise{border-bottom:2px dotted}";

export function VerdictBadge(props: { verdict: PromiseItem["verdict"] }) {
  return <span class={`badge verdict-${props.verdict}`}>{VERDICT_LABEL[props.verdict]}</span>;
}
