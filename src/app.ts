/**
 * The hono app: every route mounted here, errors rendered as RFC 9457 problems in one place.
 * Each concern keeps its routes in its own folder (ingest, api, feed, pages, pipeline admin).
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { apiRoutes } from "./api/routes";
import { feedRoutes } from "./feed/routes";
import { ingestRoutes } from "./ingest/route";
import { pageRoutes } from "./pages/routes";
import { adminRoutes } from "./pipeline/admin";
import { Problem, problemResponse } from "./problems";

export type AppEnv = { Bindings: Env };

export const app = new Hono<AppEnv>();

app.get("/healthz", (c) => c.json({ ok: true }));
app.route("/v1", ingestRoutes);
app.route("/v1/admin", adminRoutes);
app.route("/", apiRoutes);
app.route("/", feedRoutes);
app.route("/", pageRoutes);

app.notFound((c) => problemResponse("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));

app.onError((err, c) => {
  const instance = new URL(c.req.url).pathname;
  if (err instanceof Problem) return err.toResponse(instance);
  // Middleware errors (bearer auth): keep their status and headers, answer as a problem.
  if (err instanceof HTTPException && err.status < 500) {
    const code = err.status === 401 ? "unauthorized" : "malformed";
    return problemResponse(code, err.message || "The request was refused.", { instance }, err.res?.headers ?? {});
  }
  console.error("unhandled error", err);
  return problemResponse("internal", "The server failed to answer this request; it has been logged.");
});
