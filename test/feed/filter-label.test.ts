/**
 * The filter echoed in a feed's own title and description is text: an RSS reader that renders the
 * channel description (or title) as HTML shows the characters, never markup.
 */
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { get } from "./helpers";

const Q = "<img src=x onerror=alert(1)>";

describe("a filter with markup in the feed's own title and description", () => {
  for (const name of ["feed", "digest"]) {
    it(`/${name}.xml escapes it as text (no markup inside CDATA)`, async () => {
      const raw = await (await get(`/${name}.xml?q=${encodeURIComponent(Q)}`)).text();
      expect(raw).not.toMatch(/<img/i);
      const feed = parseRssFeed(raw);
      // What a reader gets after XML parsing is HTML-escaped text: rendering it shows the characters.
      expect(feed.title).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(feed.description).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(`${feed.title}${feed.description}`).not.toMatch(/<img/i);
    });

    it(`/${name}.atom and /${name}.json carry it as plain text fields`, async () => {
      const atom = parseAtomFeed(await (await get(`/${name}.atom?q=${encodeURIComponent(Q)}`)).text());
      // Atom text constructs (type="text") are never rendered as HTML.
      expect(atom.title?.type ?? "text").toBe("text");
      expect(atom.title?.value).toContain(Q);
      const json = parseJsonFeed(await (await get(`/${name}.json?q=${encodeURIComponent(Q)}`)).text());
      // JSON Feed's title and description are plain text by the specification.
      expect(json.title).toContain(Q);
    });
  }
});
