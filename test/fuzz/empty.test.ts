/**
 * Every endpoint on an EMPTY database (this file's fresh D1, nothing seeded): no 5xx, errors
 * as problem documents (pages may answer HTML), and the same hostile values as the fuzz.
 */
import { describe, expect, it } from "vitest";
import { BASE, expectProblem, send } from "./common";

const PATHS = [
  "/v1/figures", "/v1/goals", "/v1/articles", "/v1/articles/1", "/v1/places", "/v1/metrics", "/feed.xml", "/feed.atom", "/feed.json",
  "/digest.xml", "/digest.atom", "/digest.json", "/", "/articles/1", "/metrics/%E8%B4%A2%E6%94%BF%E6%94%B6%E5%85%A5", "/healthz", "/openapi.json",
  "/v1/figures?q=%22%27%20OR%201%3D1&place=%E6%9D%9C%E9%9B%86", "/feed.xml?q=NEAR(%E8%B4%A2%E6%94%BF", "/?place=%E6%9D%9C%E9%9B%86&kind=target",
];

async function check(path: string) {
  const res = await send(new Request(BASE + path));
  expect(res.status, path).toBeLessThan(500);
  const page = path === "/" || path.startsWith("/?") || path.startsWith("/articles/") || path.startsWith("/metrics/");
  if (res.status >= 400 && !(page && (res.headers.get("content-type") ?? "").startsWith("text/html"))) await expectProblem(res, path);
  else await res.arrayBuffer();
}

describe("an empty database", () => {
  for (const path of PATHS) it(`GET ${path} answers without a server error`, () => check(path));
  // OPML needs at least one outline: before any article it lists the all-places digest.
  it("GET /opml.xml answers without a server error", () => check("/opml.xml"));
});
