/** A crafted article (markup, CDATA terminators, control characters, lone surrogates) stays inert in every feed. */
import { beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "../helpers/seed";
import { fetchFeed, get, VARIANTS, XML_INVALID } from "./helpers";
import { storeHostile } from "./hostile";

let id: number;
// 2026-11-21T20:00Z is already 2026-11-22 in Beijing.
const RECEIVED = Date.UTC(2026, 10, 21, 20, 0);

beforeAll(async () => {
  await seedCorpus();
  id = await storeHostile(RECEIVED);
});

describe("a hostile article", () => {
  for (const name of ["feed", "digest"]) {
    for (const ext of VARIANTS) {
      it(`/${name}.${ext} still parses, carries no control characters and no live markup`, async () => {
        const feed = await fetchFeed(`/${name}.${ext}`);
        expect(feed.raw).not.toMatch(XML_INVALID);
        expect(feed.raw).not.toContain("\\u0001");
        const item = feed.items[0]!;
        if (name === "feed") {
          expect(item.id).toBe(`tag:jiyao,2026:article:${id}`);
          // The title is text: the reader shows the characters, and it is not HTML.
          // (D1 stores the lone surrogate as U+FFFD.)
          expect(item.title).toMatch(/^<script>alert\("t"\)<\/script>\]\]>标题\uFFFD*$/);
          expect(item.categories).toContain("杜集区");
        } else {
          expect(item.id).toBe("tag:jiyao,2026:digest:2026-11-22");
          expect(feed.items[1]!.id).toBe("tag:jiyao,2026:digest:2026-11-20");
        }
        // The HTML content has only our tags; every crafted one arrives escaped.
        const html = item.html;
        expect(html).toContain("&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;]]&gt;");
        expect(html).toContain("年内&lt;script&gt;");
        expect(html).toContain("]]&gt;&lt;a href=javascript:alert(4)&gt;");
        const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase());
        expect(new Set(tags)).toEqual(new Set(tags.filter((t) => ["p", "h3", "h4", "ul", "li", "br", "small", "a", "table", "thead", "tbody", "tr", "th", "td"].includes(t))));
        expect(html).not.toMatch(/<(script|img|svg|i|b)\b/i);
        expect(html).not.toMatch(/href="javascript:/i);
      });
    }
  }

  it("the raw XML keeps ]]> inside CDATA split correctly", async () => {
    const xml = await (await get("/feed.xml")).text();
    expect(xml).toContain("]]]]><![CDATA[>");
    // Markup only ever appears inside CDATA (the title, as text) or escaped (the HTML content).
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")).not.toMatch(/<script/);
  });
});
