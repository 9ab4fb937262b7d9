/** A query-layer page as the API answers it: `next` URL in the body and a `Link: rel="next"` header. */
import type { Context } from "hono";
import { encodeCursor, type Page } from "../db/queries";
import { baseUrl } from "../feed/http";

export function pageBody<T>(c: Context, page: Page<T>): { items: T[]; next_cursor: string | null; next: string | null } {
  const nextCursor = page.next ? encodeCursor(page.next) : null;
  let next: string | null = null;
  if (nextCursor) {
    const req = new URL(c.req.url);
    const url = new URL(`${baseUrl(c.env, c.req.raw)}${req.pathname}${req.search}`);
    url.searchParams.set("cursor", nextCursor);
    next = url.toString();
    c.header("Link", `<${next}>; rel="next"`);
  }
  return { items: page.items, next_cursor: nextCursor, next };
}
