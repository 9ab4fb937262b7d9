/** Test helpers: GET through the real Worker entry. */
import { exports } from "cloudflare:workers";

export const BASE = "http://jiyao.test";

export async function get(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, init);
}

export async function getJson<T = any>(path: string): Promise<T> {
  const res = await get(path);
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Follows `next` links from `path`, returning every page's items in order. */
export async function walk<T = any>(path: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let url: string | null = `${BASE}${path}`;
  let pages = 0;
  while (url) {
    const res: Response = await exports.default.fetch(url);
    if (res.status !== 200) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { items: T[]; next: string | null };
    items.push(...body.items);
    url = body.next;
    if (++pages > 500) throw new Error("pagination does not end");
  }
  return { items, pages };
}
