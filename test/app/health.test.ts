import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("app", () => {
  it("answers /healthz", async () => {
    const res = await exports.default.fetch("http://jiyao.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers unknown routes with a 404 problem", async () => {
    const res = await exports.default.fetch("http://jiyao.test/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
  });
});
