/**
 * HTTP hardening of the read and admin surface: a known path with the wrong method is a 405 with
 * Allow; the admin endpoint tells a wrong auth scheme from a wrong token; JSON answers carry
 * nosniff; links come from PUBLIC_BASE_URL when configured (required in a deployment).
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { seedCorpus } from "../helpers/seed";

const BASE = "http://jiyao.test";
const fetchPath = (path: string, init?: RequestInit) => exports.default.fetch(`${BASE}${path}`, init);

beforeAll(async () => {
  await seedCorpus();
});

describe("a known path with the wrong method", () => {
  const cases: [string, string, string][] = [
    ["GET", "/v1/admin/reextract", "POST"],
    ["PUT", "/v1/admin/reextract", "POST"],
    ["POST", "/v1/figures", "GET, HEAD, OPTIONS"],
    ["DELETE", "/v1/articles/1", "GET, HEAD, OPTIONS"],
    ["PATCH", "/feed.xml", "GET, HEAD"],
    ["POST", "/", "GET, HEAD"],
    ["PUT", "/v1/articles", "GET, HEAD, POST, OPTIONS"],
  ];
  for (const [method, path, allow] of cases) {
    it(`${method} ${path} → 405, Allow: ${allow}`, async () => {
      // The admin case is sent without a token: the method is wrong whoever asks.
      const res = await fetchPath(path, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe(allow);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 405, code: "method_not_allowed" });
    });
  }

  it("an unknown path is still a 404", async () => {
    const res = await fetchPath("/v2/nothing", { method: "POST" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });
});

describe("admin authentication", () => {
  const post = (authorization?: string) =>
    fetchPath("/v1/admin/reextract?scope=stale", { method: "POST", headers: authorization === undefined ? {} : { authorization } });

  it("tells a missing token, another scheme and a wrong token apart, all 401 with a Bearer challenge", async () => {
    const cases: [string | undefined, string][] = [
      [undefined, "unauthorized"],
      ["Basic YWRtaW46YWRtaW4=", "unsupported_auth_scheme"],
      ["Digest username=admin", "unsupported_auth_scheme"],
      ["Bearer", "unauthorized"],
      ["Bearer wrong-token", "unauthorized"],
      [`Bearer ${env.ADMIN_TOKEN} extra`, "unauthorized"],
    ];
    for (const [auth, code] of cases) {
      const res = await post(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get("www-authenticate"), String(auth)).toMatch(/^Bearer realm=/);
      expect(await res.json(), String(auth)).toMatchObject({ status: 401, code });
    }
    const ok = await post(`Bearer ${env.ADMIN_TOKEN}`);
    expect(ok.status).toBe(202);
    const lower = await post(`bearer ${env.ADMIN_TOKEN}`);
    expect(lower.status).toBe(202);
  });
});

describe("nosniff", () => {
  it("every JSON answer and problem carries X-Content-Type-Options: nosniff", async () => {
    for (const path of ["/v1/figures?limit=1", "/v1/articles/1", "/v1/places", "/v1/metrics", "/openapi.json", "/healthz", "/v1/figures?limit=0", "/v1/articles/999999", "/nothing", "/feed.json"]) {
      const res = await fetchPath(path);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      await res.arrayBuffer();
    }
  });
});

describe("links and PUBLIC_BASE_URL", () => {
  async function withEnv(vars: Record<string, string>, url: string, headers: Record<string, string> = {}) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(url, { headers }), { ...env, ...vars }, ctx);
    await waitOnExecutionContext(ctx);
    return res;
  }

  it("under wrangler dev and tests (not required) links follow the request's origin", async () => {
    const res = await withEnv({ PUBLIC_BASE_URL: "" }, "http://localhost:8787/v1/figures?limit=1");
    expect(res.headers.get("link")).toMatch(/^<http:\/\/localhost:8787\/v1\/figures\?/);
    const feed = await (await withEnv({ PUBLIC_BASE_URL: "" }, "http://localhost:8787/feed.xml")).text();
    expect(feed).toContain("http://localhost:8787/feed.xml");
  });

  it("when configured, feed links and Link headers use it whatever Host the request names", async () => {
    const vars = { PUBLIC_BASE_URL: "https://jiyao.example.org/", REQUIRE_PUBLIC_BASE_URL: "true" };
    const res = await withEnv(vars, "http://evil.example/v1/figures?limit=1", { "x-forwarded-host": "evil.example" });
    expect(res.status).toBe(200);
    expect(res.headers.get("link")).toMatch(/^<https:\/\/jiyao\.example\.org\/v1\/figures\?limit=1&cursor=/);
    expect(((await res.json()) as { next: string }).next).toMatch(/^https:\/\/jiyao\.example\.org\//);
    for (const path of ["/feed.xml", "/feed.atom", "/feed.json", "/digest.xml", "/opml.xml"]) {
      const body = await (await withEnv(vars, `http://evil.example${path}`)).text();
      expect(body, path).toContain("https://jiyao.example.org/");
      expect(body, path).not.toContain("evil.example");
    }
  });

  it("a deployment that requires it and lacks it fails visibly instead of serving the Host", async () => {
    for (const base of ["", "not a url", "ftp://x.example"]) {
      const res = await withEnv({ PUBLIC_BASE_URL: base, REQUIRE_PUBLIC_BASE_URL: "true" }, "http://evil.example/feed.xml");
      expect(res.status, base).toBe(500);
      const doc = (await res.json()) as { code: string; detail: string };
      expect(doc.code, base).toBe("misconfigured");
      expect(doc.detail, base).toContain("PUBLIC_BASE_URL");
      const health = await withEnv({ PUBLIC_BASE_URL: base, REQUIRE_PUBLIC_BASE_URL: "true" }, "http://evil.example/healthz");
      expect(health.status, base).toBe(500);
    }
  });
});
