/** The three pages: digest (/), article (/articles/:id) and metric (/metrics/:metric). */
import type { Child } from "hono/jsx";
import type { Kind } from "../extract/types";
import type { ArticleSummary, DigestDay, FeedFigure, FeedFilter, FeedGoal, FigureItem, FigureRef, PlaceFacet } from "../db/queries";
import { beijingDateTime } from "../text/beijing";
import { KIND_LABEL, xmlSafe } from "../feed/text";
import type { ArticlePromises, PromiseItem } from "../db/queries/promises";
import { type Bar, BarChart } from "./chart";
import { segments } from "./highlight";
import { type FeedLinks, Layout, Subscribe } from "./layout";
import { BADGE_CSS, figureHref, promiseHref, VERDICT_LABEL, VerdictBadge, withQualifier } from "../promises/labels";

const clean = (s: string | null | undefined) => (s == null ? "" : xmlSafe(s));
/** A metric links to its indicator's page (the key groups GDP, 全省生产总值 … under 地区生产总值). */
const metricHref = (m: string, key?: string | null) => `/metrics/${encodeURIComponent(key ?? m)}`;
const placeHref = (p: string) => `/?${new URLSearchParams({ place: p })}`;

function KindCell(props: { kind: Kind }) {
  return <td class={`kind-${props.kind}`}>{KIND_LABEL[props.kind]}</td>;
}

function FigureTable(props: { figures: (FigureRef & { articleId?: number })[]; caption?: string; showArticle?: boolean }) {
  return (
    <table>
      {props.caption ? <caption class="meta">{props.caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col" class="num">
            数值（原文）
          </th>
          <th scope="col">类型</th>
          <th scope="col">变化</th>
          {props.showArticle ? <th scope="col">原文</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.figures.map((f) => (
          <tr>
            <td>{f.metric ? <a href={metricHref(f.metric, f.metric_key)}>{clean(f.metric)}</a> : "—"}</td>
            <td class="num">{clean(f.text)}</td>
            <KindCell kind={f.kind} />
            <td class="nowrap">{f.change ? "增减" : "—"}</td>
            {props.showArticle ? (
              <td>
                <a href={`/articles/${f.articleId}#f-${f.seq}`}>查看</a>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GoalList(props: { goals: (Omit<FeedGoal, "articleId"> & { articleId?: number })[]; link?: boolean }) {
  return (
    <ul class="goals">
      {props.goals.map((g) => (
        <li>
          {props.link ? <a href={`/articles/${g.articleId}#g-${g.seq}`}>{clean(g.text)}</a> : <a href={`#g-${g.seq}`}>{clean(g.text)}</a>}
          {g.deadline || g.actor ? (
            <small class="meta">
              {" "}
              {g.deadline ? `期限：${clean(g.deadline)}` : ""}
              {g.deadline && g.actor ? " · " : ""}
              {g.actor ? `主体：${clean(g.actor)}` : ""}
            </small>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DigestPage(props: {
  filter: FeedFilter;
  label: string;
  days: DigestDay[];
  places: PlaceFacet[];
  feeds: FeedLinks[];
  pageDays: number;
  /** Only this Asia/Shanghai day (YYYY-MM-DD), as a digest item links to. */
  day?: string;
}) {
  const f = props.filter;
  const title = props.label ? `纪要 · ${props.label}` : "纪要 · 每日汇总";
  return (
    <Layout title={title} feeds={props.feeds}>
      <h1>{title}</h1>
      <form class="filters" method="get" action="/" role="search" aria-label="筛选">
        <label>
          地方
          <input name="place" value={f.place ?? ""} list="places" placeholder="例如 杜集区" />
        </label>
        <datalist id="places">
          {props.places.map((p) => (
            <option value={p.name} />
          ))}
        </datalist>
        <label>
          指标
          <input name="metric" value={f.metric ?? ""} placeholder="例如 财政收入" />
        </label>
        <label>
          类型
          <select name="kind">
            <option value="" selected={!f.kind}>
              全部
            </option>
            <option value="target" selected={f.kind === "target"}>
              目标
            </option>
            <option value="reported" selected={f.kind === "reported"}>
              实际
            </option>
          </select>
        </label>
        <label>
          关键词
          <input name="q" type="search" value={f.q ?? ""} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <Subscribe feeds={props.feeds} />
      {props.days.length === 0 ? <p>没有符合条件的目标或数字。</p> : null}
      {props.days.map((d) => (
        <section class="day" id={`day-${d.day}`} aria-labelledby={`h-${d.day}`}>
          <h2 id={`h-${d.day}`}>
            <time datetime={d.day}>{d.day}</time>
          </h2>
          <p class="meta">
            {d.articles.size} 篇文章：
            {[...d.articles.values()].map((a, i) => (
              <>
                {i ? "、" : ""}
                <a href={`/articles/${a.id}`} class="article-link">
                  {clean(a.title) || `文章 ${a.id}`}
                </a>
              </>
            ))}
          </p>
          {d.places.map((p) => (
            <section class="place" aria-label={`${d.day} ${p.name}`} data-place={p.key ?? ""}>
              <h3>{p.key ? <a href={placeHref(p.name)}>{p.name}</a> : p.name}</h3>
              {p.goals.length ? <GoalList goals={p.goals} link /> : null}
              {p.figures.length ? <FigureTable figures={p.figures as FeedFigure[]} showArticle /> : null}
            </section>
          ))}
          {d.truncated ? <p class="meta">当天内容较多，仅列出一部分。</p> : null}
        </section>
      ))}
      <p class="meta">
        {props.day ? `只显示 ${props.day}（北京时间）。` : `显示最近有内容的 ${props.pageDays} 天（北京时间，按收到文章的日期）。`}
      </p>
    </Layout>
  );
}

function figureTitle(f: FigureRef): string {
  return `${clean(f.metric) || "未注明指标"} · ${KIND_LABEL[f.kind]}${f.change ? " · 增减" : ""}`;
}

function goalTitle(g: { deadline: string | null; actor: string | null }): string {
  return ["目标", g.deadline ? `期限：${clean(g.deadline)}` : "", g.actor ? `主体：${clean(g.actor)}` : ""].filter(Boolean).join(" · ");
}

/** The article text with every figure and goal marked in place. */
export function HighlightedText(props: { a: ArticleSummary; promises?: ArticlePromises }) {
  const { a } = props;
  const figBySeq = new Map(a.figures.map((f) => [f.seq, f]));
  const { bySeq: promiseOf, outcomeOf } = promiseMarks(props.promises);
  const goalBySeq = new Map(a.goals.map((g) => [g.seq, g]));
  const segs = segments(a.text, a.figures, a.goals);
  return (
    <div class="article-text" lang="zh-CN">
      {segs.map((s) => {
        let node: Child = clean(s.text);
        if (s.figure !== null) {
          const f = figBySeq.get(s.figure)!;
          const p = promiseOf.get(f.seq) ?? outcomeOf.get(f.seq)?.[0];
          const judged = p ? `${promiseOf.has(f.seq) ? " · 目标评定" : " · 兑现目标"}：${VERDICT_LABEL[p.verdict]}` : "";
          node = (
            <mark
              class={`figure kind-${f.kind}${p ? " promise" : ""}`}
              id={`f-${f.seq}`}
              title={figureTitle(f) + judged}
              data-metric={clean(f.metric)}
              data-kind={f.kind}
              data-start={s.start}
              data-end={s.end}
              data-promise={promiseOf.get(f.seq)?.id}
              data-outcome-of={outcomeOf.get(f.seq)?.map((o) => o.id).join(" ")}
              data-verdict={p?.verdict}
            >
              {node}
            </mark>
          );
        }
        for (const seq of [...s.goals].reverse()) {
          const g = goalBySeq.get(seq)!;
          node = (
            <mark class="goal" id={s.goalStarts.includes(seq) ? `g-${seq}` : undefined} title={goalTitle(g)} data-goal={seq}>
              {node}
            </mark>
          );
        }
        return node;
      })}
    </div>
  );
}

/** The article's figures that are promises (by target seq) and outcomes of promises (by outcome seq). */
function promiseMarks(promises: ArticlePromises | undefined) {
  const bySeq = new Map<number, PromiseItem>((promises?.targets ?? []).map((p) => [p.target.seq, p]));
  const outcomeOf = new Map<number, PromiseItem[]>();
  for (const p of promises?.outcomes ?? []) outcomeOf.set(p.outcome!.seq, [...(outcomeOf.get(p.outcome!.seq) ?? []), p]);
  return { bySeq, outcomeOf };
}

const datePart = (published: string | null, period: string) => (published ? `${published}发布，${period}` : period);

/**
 * The article's part in promise tracking: which of its targets have been judged (verdict, the
 * later outcome) and which of its figures are the outcome of an earlier promise (verdict, the
 * target), each with its row on the place's scorecard.
 */
function PromiseSection(props: { promises: ArticlePromises }) {
  const { targets, outcomes } = props.promises;
  if (!targets.length && !outcomes.length) return null;
  return (
    <section class="promises" aria-label="承诺与兑现">
      <style>{BADGE_CSS}</style>
      <h2>承诺与兑现</h2>
      <PromiseList title="本文的目标" side="target" items={targets} />
      <PromiseList title="本文数字兑现的目标" side="outcome" items={outcomes} />
    </section>
  );
}

/**
 * One list of the section: the article's own figure of each promise (its target, or its outcome),
 * its verdict, the figure on the other side when there is one, and the scorecard link.
 */
function PromiseList(props: { title: string; side: "target" | "outcome"; items: PromiseItem[] }) {
  if (!props.items.length) return null;
  const ownIsTarget = props.side === "target";
  return (
    <>
      <h3>
        {props.title}（{props.items.length}）
      </h3>
      <ul class={`promise-${props.side}s`}>
        {props.items.map((p) => {
          const own = ownIsTarget ? p.target : p.outcome!;
          const other = ownIsTarget ? p.outcome : p.target;
          const otherSide = ownIsTarget ? "outcome" : "target";
          return (
            <li id={ownIsTarget ? `promise-target-${p.target.seq}` : `promise-outcome-${p.id}`} data-promise={p.id} data-verdict={p.verdict}>
              <a href={`#f-${own.seq}`}>
                {clean(p.metric)} {clean(withQualifier(own))}
              </a>{" "}
              <VerdictBadge verdict={p.verdict} />
              {other ? (
                <>
                  {" "}
                  {ownIsTarget ? "实际" : "目标"}{" "}
                  <a class={`promise-${otherSide}`} href={figureHref(other)} title={clean(other.sentence)}>
                    {clean(withQualifier(other))}
                  </a>
                  <span class="meta">（{datePart(other.published, p.period)}）</span>
                </>
              ) : null}{" "}
              <a class="promise-link" href={promiseHref(p)}>
                评分卡
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}

const STATUS_LABEL = { received: "已收到，等待提取", extracted: "已提取", failed: "提取失败" } as const;

export function ArticlePage(props: { a: ArticleSummary; feeds: FeedLinks[]; promises?: ArticlePromises }) {
  const { a } = props;
  const title = clean(a.title) || `文章 ${a.id}`;
  const safeUrl = a.url && /^https?:\/\//i.test(a.url) ? a.url : null;
  return (
    <Layout title={`${title} · 纪要`} feeds={props.feeds}>
      <h1>{title}</h1>
      <div class="article-layout">
        <article aria-label="原文">
          {a.status !== "extracted" ? (
            <p class="notice">
              {STATUS_LABEL[a.status]}
              {a.error ? `：${clean(a.error)}` : ""}
            </p>
          ) : null}
          <HighlightedText a={a} promises={props.promises} />
        </article>
        <aside aria-label="摘要">
          <h2>文章信息</h2>
          <dl class="facts">
            <dt>标题</dt>
            <dd>{title}</dd>
            <dt>来源</dt>
            <dd>{clean(a.source) || "—"}</dd>
            <dt>发布日期</dt>
            <dd>{a.published ? <time datetime={a.published}>{a.published}</time> : "—"}</dd>
            <dt>地方</dt>
            <dd>
              {a.places.length
                ? a.places.map((p, i) => (
                    <>
                      {i ? "、" : ""}
                      <a href={placeHref(p.name)}>{p.name}</a>
                    </>
                  ))
                : "—"}
            </dd>
            <dt>收到时间</dt>
            <dd class="num">{beijingDateTime(Date.parse(a.received_at))}（北京时间）</dd>
            <dt>状态</dt>
            <dd>
              {STATUS_LABEL[a.status]}
              {a.attempts ? `（失败 ${a.attempts} 次）` : ""}
            </dd>
            {a.warnings.length ? (
              <>
                <dt>提取提示</dt>
                <dd>{a.warnings.map((w) => clean(w)).join("；")}</dd>
              </>
            ) : null}
            {safeUrl ? (
              <>
                <dt>原文链接</dt>
                <dd>
                  <a href={safeUrl} rel="noopener noreferrer nofollow">
                    {clean(safeUrl)}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          <div class="legend" aria-hidden="true">
            <span>
              <mark class="figure kind-reported">数字</mark> 实际
            </span>
            <span>
              <mark class="figure kind-target">数字</mark> 目标
            </span>
            <span>
              <mark class="goal">目标句</mark>
            </span>
          </div>
          <h2>目标（{a.goals.length}）</h2>
          {a.goals.length ? <GoalList goals={a.goals} /> : <p>—</p>}
          <h2>数字（{a.figures.length}）</h2>
          {a.figures.length ? (
            <table class="summary">
              <thead>
                <tr>
                  <th scope="col">指标</th>
                  <th scope="col" class="num">
                    数值
                  </th>
                  <th scope="col">类型</th>
                  <th scope="col">变化</th>
                </tr>
              </thead>
              <tbody>
                {a.figures.map((f) => (
                  <tr>
                    <td>{f.metric ? <a href={metricHref(f.metric, f.metric_key)}>{clean(f.metric)}</a> : "—"}</td>
                    <td class="num">
                      <a href={`#f-${f.seq}`}>{clean(f.text)}</a>
                    </td>
                    <KindCell kind={f.kind} />
                    <td class="nowrap">{f.change ? "增减" : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>—</p>
          )}
          {props.promises ? <PromiseSection promises={props.promises} /> : null}
        </aside>
      </div>
    </Layout>
  );
}

export interface ChartGroup {
  unit: string;
  change: boolean;
  bars: Bar[];
}

/** One chart per (unit, change) group; within it one bar per place: that place's latest figure. */
export function chartGroups(items: FigureItem[]): ChartGroup[] {
  const groups = new Map<string, ChartGroup>();
  for (const f of items) {
    const key = `${f.unit}\u0000${f.change}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: f.unit, change: f.change, bars: [] }));
    const place = f.place_name ?? f.place ?? "未注明地点";
    if (g.bars.some((b) => b.place === place)) continue; // items are newest first
    g.bars.push({ place, value: f.value, label: clean(f.text), kind: f.kind, detail: ` · ${clean(f.metric)}${f.published ? ` · ${f.published}` : ""}` });
  }
  return [...groups.values()];
}

export function MetricPage(props: { metric: string; kind?: Kind; items: FigureItem[]; more: boolean; feeds: FeedLinks[] }) {
  const groups = chartGroups(props.items);
  const title = `指标：${props.metric}`;
  return (
    <Layout title={`${title} · 纪要`} feeds={props.feeds}>
      <h1>{title}</h1>
      <p class="meta">
        指标名称包含“{props.metric}”或属于同一指标（如 GDP、全省生产总值 → 地区生产总值）的数字（简繁体均可），按地方比较；每个地方取最新的一条。
        {props.kind ? `只看${KIND_LABEL[props.kind]}。` : ""}
      </p>
      <Subscribe feeds={props.feeds} />
      {props.items.length === 0 ? <p>没有这个指标的数字。</p> : null}
      <div class="legend">
        <span>
          <span class="swatch" style="background:#0b5394" /> 实际（实心）
        </span>
        <span>
          <span class="swatch" style="background:repeating-linear-gradient(45deg,#ffe0c2 0 3px,#8a3b00 3px 5px);border-style:dashed" /> 目标（斜线、虚线框）
        </span>
      </div>
      {groups.map((g, i) => (
        <figure class="chart-group" data-unit={g.unit} data-change={String(g.change)}>
          <BarChart id={`chart-${i}`} title={`${props.metric}（${g.unit || "无单位"}${g.change ? "，增减" : ""}）各地最新数字`} unit={g.unit + (g.change ? "（增减）" : "")} bars={g.bars} />
          <figcaption class="meta">
            单位 {g.unit || "—"}
            {g.change ? "（增减幅度）" : ""}：{g.bars.length} 个地方
          </figcaption>
        </figure>
      ))}
      {props.items.length ? (
        <table class="metric-table">
          <caption class="meta">全部数字（最新在前）</caption>
          <thead>
            <tr>
              <th scope="col">地方</th>
              <th scope="col">指标</th>
              <th scope="col" class="num">
                数值（原文）
              </th>
              <th scope="col">单位</th>
              <th scope="col">类型</th>
              <th scope="col">变化</th>
              <th scope="col">发布日期</th>
              <th scope="col">文章</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((f) => (
              <tr data-unit={f.unit} data-change={String(f.change)}>
                <td class="place">{f.place_name ?? f.place ?? "未注明地点"}</td>
                <td>{clean(f.metric)}</td>
                <td class="num">{clean(f.text)}</td>
                <td>{f.unit}</td>
                <KindCell kind={f.kind} />
                <td class="nowrap">{f.change ? "增减" : "—"}</td>
                <td class="num">{f.published ?? "—"}</td>
                <td>
                  <a href={`/articles/${f.article_id}#f-${f.seq}`}>{clean(f.title) || `文章 ${f.article_id}`}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {props.more ? <p class="meta">只显示最新的 200 条。</p> : null}
    </Layout>
  );
}

export function ErrorPage(props: { status: number; title: string; detail: string }) {
  return (
    <Layout title={`${props.title} · 纪要`}>
      <h1>{props.title}</h1>
      <p class="notice">{props.detail}</p>
      <p>
        <a href="/">回到每日汇总</a>
      </p>
    </Layout>
  );
}
