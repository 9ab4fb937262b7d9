/**
 * The hono app: every route mounted here, errors rendered as RFC 9457 problems in one place.
 * Each concern keeps its routes in its own folder (ingest, api, feed, pages, pipeline admin).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { TrieRouter } from "hono/router/trie-router";
import { apiRoutes } from "./api/routes";
import { baseUrl } from "./feed/http";
import { feedRoutes } from "./feed/routes";
import { ingestRoutes } from "./ingest/route";
import { pageRoutes } from "./pages/routes";
import { adminRoutes } from "./pipeline/admin";
import { promiseFeedRoutes } from "./promises/feed";
import { scorecardRoutes } from "./promises/page";
import { Problem, problemResponse } from "./problems";
import type { AppEnv } from "./app-env";

export const app = new Hono<AppEnv>();

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"] as const;
let routeTable: TrieRouter<true> | undefined;

/** The methods some route answers on `path` (hono's own matching; middleware does not count). */
function allowedMethods(path: string): string[] {
  if (!routeTable) {
    routeTable = new TrieRouter<true>();
    for (const r of app.routes) {
      if (r.method === "ALL") continue;
      routeTable.add(r.method, r.path, true);
      if (r.method === "GET") routeTable.add("HEAD", r.path, true); // hono answers HEAD from GET
    }
  }
  return METHODS.filter((m) => routeTable!.match(m, path)[0].length > 0);
}

/**
 * Before any route or its middleware (the admin token check included): a known path asked with a
 * method it does not answer is a 405 with Allow. After every answer: nosniff, so no JSON or
 * problem document is ever sniffed into something a browser runs.
 */
app.use("*", async (c, next) => {
  const allowed = allowedMethods(c.req.path);
  if (allowed.length && !allowed.includes(c.req.method)) {
    return problemResponse("method_not_allowed", `${c.req.path} answers ${allowed.join(", ")}, not ${c.req.method}.`, { instance: c.req.path }, { allow: allowed.join(", ") });
  }
  await next();
  if (c.res.headers.get("x-content-type-options") !== "nosniff") {
    c.res = new Response(c.res.body, c.res); // a cached response's headers are immutable
    c.res.headers.set("x-content-type-options", "nosniff");
  }
});

// Also reports a deployment whose PUBLIC_BASE_URL is missing (baseUrl throws `misconfigured`).
app.get("/healthz", (c) => {
  baseUrl(c.env, c.req.raw);
  return c.json({ ok: true });
});
app.route("/v1", ingestRoutes);
app.route("/v1/admin", adminRoutes);
app.route("/", apiRoutes);
app.route("/", feedRoutes);
app.route("/", promiseFeedRoutes);
app.route("/", scorecardRoutes);
app.route("/", pageRoutes);

app.notFound((c) => problemResponse("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

app.onError((err, c) => {
  const instance = new URL(c.req.url).pathname;
  if (err instanceof Problem) return err.toResponse(instance);
  // Middleware errors: keep their status and headers, answer as a problem.
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 401 ? "unauthorized" : "malformed";
    return problemResponse(code, err.message || "The request was refused.", { instance }, err.res?.headers ?? {});
  }
  console.error("unhandled error", err);
  return problemResponse("internal", "The server failed to answer this request; it has been logged.");
});
