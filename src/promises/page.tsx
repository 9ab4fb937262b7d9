/**
 * /places/:place — a place's scorecard: its promises by period, each with target, outcome,
 * verdict badge and links to both sentences, and per metric a bar chart of target against outcome
 * across periods (src/pages/chart.tsx). `place` is a name, key or GB/T 2260 code (with the places
 * under it), as /v1/promises takes it.
 */
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import type { CursorKey } from "../db/queries";
import type { PromiseFigure, PromiseItem } from "../db/queries/promises";
import { type Reads, readsOf } from "../db/reads";
import { placeKey } from "../places";
import { BarChart, type Bar } from "../pages/chart";
import { Layout, Subscribe, type FeedLinks } from "../pages/layout";
import { pageSecurity, render } from "../pages/routes";
import { ErrorPage } from "../pages/views";
import { Problem } from "../problems";
import { BADGE_CSS, figureHref, VERDICT_LABEL, VerdictBadge, withQualifier } from "./labels";

/** Promises a scorecard shows at most (pages of the list API walked). */
const MAX_PROMISES = 1000;

async function placePromises(reads: Reads, place: string): Promise<{ items: PromiseItem[]; more: boolean }> {
  const items: PromiseItem[] = [];
  let cursor: CursorKey | undefined;
  do {
    const page = await reads.promises({ place, cursor, limit: 200 });
    items.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && items.length < MAX_PROMISES);
  return { items, more: cursor !== undefined };
}

interface MetricChart {
  metric: string;
  unit: string;
  change: boolean;
  bars: Bar[];
}

/** One chart per metric (key, unit, change-ness): per period the target bar, then the outcome bar. */
function charts(items: PromiseItem[]): MetricChart[] {
  const groups = new Map<string, MetricChart & { byPeriod: Map<string, PromiseItem> }>();
  for (const p of items) {
    const key = `${p.metric_key ?? p.metric}\u0000${p.target.unit}\u0000${p.target.change}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { metric: p.metric_key ?? p.metric, unit: p.target.unit, change: p.target.change, bars: [], byPeriod: new Map() }));
    // One promise per period: the one with an outcome, else the first.
    if (!g.byPeriod.has(p.period) || (!g.byPeriod.get(p.period)!.outcome && p.outcome)) g.byPeriod.set(p.period, p);
  }
  return [...groups.values()]
    .filter((g) => g.byPeriod.size > 0)
    .map((g) => {
      const bars: Bar[] = [];
      for (const [period, p] of [...g.byPeriod].sort(([a], [b]) => (a < b ? -1 : 1))) {
        bars.push({ place: period, value: p.target.value, label: withQualifier(p.target), kind: "target", detail: ` ${VERDICT_LABEL[p.verdict]}` });
        if (p.outcome) bars.push({ place: period, value: p.outcome.value, label: withQualifier(p.outcome), kind: "reported", detail: ` ${VERDICT_LABEL[p.verdict]}` });
      }
      return { metric: g.metric, unit: g.unit, change: g.change, bars };
    });
}

function Quote(props: { f: PromiseFigure }) {
  return (
    <a href={figureHref(props.f)} title={props.f.sentence ?? undefined}>
      {withQualifier(props.f)}
    </a>
  );
}

/** A derived outcome: the worked-out change with its formula, both levels linked, and its own verdict. */
function DerivedCell(props: { p: PromiseItem }) {
  const d = props.p.derived!;
  return (
    <span class="derived" title={d.formula}>
      推算 {Math.round(d.value * 100) / 100}
      {d.unit}（<Quote f={d.level} /> 对比 <Quote f={d.base} />）{props.p.derived_verdict ? <VerdictBadge verdict={props.p.derived_verdict} /> : null}
    </span>
  );
}

export function ScorecardPage(props: { place: string; items: PromiseItem[]; more: boolean; feeds: FeedLinks[] }) {
  const title = `${props.place}：承诺与兑现`;
  const periods = [...new Set(props.items.map((p) => p.period))].sort().reverse();
  const count = (v: PromiseItem["verdict"]) => props.items.filter((p) => p.verdict === v).length;
  return (
    <Layout title={`${title} · 纪要`} feeds={props.feeds}>
      <style>{BADGE_CSS}</style>
      <h1>{title}</h1>
      <p class="meta">
        每个目标与此后报告回顾同一时期时给出的同一指标数字。完成 {count("met")} · 未完成 {count("missed")} · 未报告 {count("no_report")} · 待评 {count("pending")}
      </p>
      <Subscribe feeds={props.feeds} />
      {props.items.length === 0 ? <p>还没有这个地方的目标。</p> : null}
      {charts(props.items).map((g, i) => (
        <figure class="chart-group" data-metric={g.metric}>
          <BarChart id={`promise-chart-${i}`} title={`${g.metric}：目标与实际（${g.unit}${g.change ? "，增减" : ""}）`} unit={g.unit + (g.change ? "（增减）" : "")} bars={g.bars} />
          <figcaption class="meta">
            {g.metric}：各时期目标（斜线）与实际（实心）
          </figcaption>
        </figure>
      ))}
      {periods.map((period) => (
        <section class="period" data-period={period}>
          <h2>{period}</h2>
          <table class="promise-table">
            <thead>
              <tr>
                <th scope="col">指标</th>
                <th scope="col">目标</th>
                <th scope="col">实际</th>
                <th scope="col">评定</th>
              </tr>
            </thead>
            <tbody>
              {props.items
                .filter((p) => p.period === period)
                .map((p) => (
                  <tr id={`promise-${p.id}`} data-verdict={p.verdict}>
                    <td>{p.metric}</td>
                    <td>
                      <Quote f={p.target} />
                    </td>
                    <td>{p.outcome ? <Quote f={p.outcome} /> : p.derived ? <DerivedCell p={p} /> : "—"}</td>
                    <td>
                      <VerdictBadge verdict={p.verdict} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      {props.more ? <p class="meta">只显示最新的 {MAX_PROMISES} 个目标。</p> : null}
    </Layout>
  );
}

export const scorecardRoutes = new Hono<AppEnv>();
scorecardRoutes.use("/places/*", pageSecurity);
scorecardRoutes.onError((err, c) => {
  if (err instanceof Problem && err.status < 500) return render(c, <ErrorPage status={err.status} title={err.title} detail={err.message} />, err.status as 400);
  throw err;
});

scorecardRoutes.get("/places/:place", async (c) => {
  const place = c.req.param("place").trim();
  if (!place || place.length > 50 || placeKey(place) === "") throw new Problem("invalid_parameter", "place must be a place name or code", { parameter: "place" });
  const { items, more } = await placePromises(readsOf(c.env), place);
  const names = new Set(items.map((p) => p.place));
  const name = names.size === 1 ? [...names][0]! : place;
  const q = `?${new URLSearchParams({ place })}`;
  const feeds: FeedLinks[] = [{ title: `承诺评定 · ${name}`, rss: `/promises.xml${q}`, atom: `/promises.atom${q}`, json: `/promises.json${q}` }];
  c.header("cache-control", "public, max-age=60");
  return render(c, <ScorecardPage place={name} items={items} more={more} feeds={feeds} />);
});
