/** Validation failures → RFC 9457 `invalid_parameter` problems naming the offending parameter. */
import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { problemResponse } from "../problems";

export const problemHook: Hook<any, AppEnv, any, Response | undefined> = (result, c) => {
  if (result.success) return;
  const errors = result.error.issues.map((i) => ({
    parameter: String(i.path[0] ?? result.target),
    detail: i.message,
  }));
  const first = errors[0] ?? { parameter: String(result.target), detail: "invalid" };
  return problemResponse("invalid_parameter", `${first.parameter}: ${first.detail}`, {
    parameter: first.parameter,
    instance: new URL(c.req.url).pathname,
    errors,
  });
};
