/** The page shell: landmarks, skip link, feed discovery links and the small stylesheet. */
import type { Child } from "hono/jsx";
import { raw } from "hono/html";

export const CSS = `
:root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--line:#d5d5d5;--link:#0b57a4;--target:#8a3b00;--reported:#0b5394;--mark:#fff1a8;--goal:#e4effa}
*{box-sizing:border-box}
html{font-family:"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--fg);background:var(--bg);line-height:1.75;-webkit-text-size-adjust:100%}
body{margin:0}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f5a300;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:2}
header.site,footer.site{padding:.75rem 1.25rem;border-bottom:1px solid var(--line)}
footer.site{border-top:1px solid var(--line);border-bottom:0;color:var(--muted);font-size:.875rem}
header.site nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0;align-items:baseline}
header.site .brand{font-weight:700;font-size:1.2rem;text-decoration:none;color:var(--fg)}
main{padding:1rem 1.25rem;max-width:72rem;margin:0 auto}
h1{font-size:1.6rem;line-height:1.4;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin:1.5rem 0 .5rem;border-bottom:2px solid var(--line)}
h3{font-size:1.1rem;margin:1rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.num{font-variant-numeric:tabular-nums}
.kind-target{color:var(--target)}.kind-reported{color:var(--reported)}
td.kind-target,td.kind-reported,td.nowrap{white-space:nowrap}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;padding:.75rem;background:#f6f6f6;border:1px solid var(--line);border-radius:6px}
form.filters label{display:flex;flex-direction:column;font-size:.9rem;color:var(--muted)}
input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid #767676;border-radius:4px;background:#fff;color:var(--fg)}
button{background:#0b57a4;color:#fff;border-color:#0b57a4;cursor:pointer}
.subscribe{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
.subscribe a{display:inline-block;padding:.25rem .75rem;border:1px solid var(--link);border-radius:999px;text-decoration:none;font-size:.9rem}
.place{margin:0 0 1rem;padding:.25rem 0}
.meta{color:var(--muted);font-size:.9rem}
.article-layout{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:2rem}
@media (max-width:60rem){.article-layout{grid-template-columns:1fr}}
.article-text{white-space:pre-wrap;font-size:1.05rem;line-height:1.9;overflow-wrap:anywhere}
mark{color:inherit;padding:0 .05em;border-radius:2px}
mark.goal{background:var(--goal);border-bottom:2px solid #5b8fd1}
mark.figure{background:var(--mark);font-weight:600;font-variant-numeric:tabular-nums}
mark.figure.kind-target{background:#ffe0c2;box-shadow:inset 0 -2px 0 var(--target)}
mark.figure.kind-reported{box-shadow:inset 0 -2px 0 var(--reported)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
.legend{display:flex;gap:1rem;font-size:.9rem;color:var(--muted);align-items:center}
.swatch{display:inline-block;width:1rem;height:1rem;vertical-align:middle;margin-right:.25rem;border:1px solid #555}
svg.chart{max-width:100%;height:auto;font-family:inherit}
.notice{padding:.75rem;border-left:4px solid #b00020;background:#fdecee}
`;

export interface FeedLinks {
  title: string;
  rss: string;
  atom: string;
  json: string;
}

export function Layout(props: { title: string; feeds?: FeedLinks[]; children?: Child }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {(props.feeds ?? []).map((f) => (
          <>
            <link rel="alternate" type="application/rss+xml" title={`${f.title}（RSS）`} href={f.rss} />
            <link rel="alternate" type="application/atom+xml" title={`${f.title}（Atom）`} href={f.atom} />
            <link rel="alternate" type="application/feed+json" title={`${f.title}（JSON Feed）`} href={f.json} />
          </>
        ))}
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="site">
          <nav aria-label="主导航">
            <ul>
              <li>
                <a class="brand" href="/">
                  纪要
                </a>
              </li>
              <li>
                <a href="/">每日汇总</a>
              </li>
              <li>
                <a href="/opml.xml">OPML（各地订阅）</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>纪要：从地方政府新闻中提取的目标与数字。数字为原文所写；日期按北京时间。</p>
        </footer>
      </body>
    </html>
  );
}

/** Subscribe buttons (visible feed links). */
export function Subscribe(props: { feeds: FeedLinks[] }) {
  return (
    <nav class="subscribe" aria-label="订阅">
      {props.feeds.map((f) => (
        <>
          <a href={f.rss} type="application/rss+xml" data-feed="rss">
            订阅{f.title}（RSS）
          </a>
          <a href={f.atom} type="application/atom+xml" data-feed="atom">
            Atom
          </a>
          <a href={f.json} type="application/feed+json" data-feed="json">
            JSON Feed
          </a>
        </>
      ))}
    </nav>
  );
}
