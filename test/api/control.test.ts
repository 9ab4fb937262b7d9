/**
 * Every text parameter of every read endpoint (and the admin endpoint) refuses control characters
 * (NUL included: D1 cannot bind it) with a 400 naming the parameter, never a 5xx; the other
 * parameter shapes the issue found accepted (hex and exponent numbers, impossible days, too many
 * keyword terms) are refused the same way.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCorpus } from "../helpers/seed";

const BASE = "http://jiyao.test";
/** C0 (NUL, SOH, TAB inside a value, US), DEL and C1 (NEL, CSI, APC) controls. */
const CONTROLS = ["\u0000", "\u0001", "\t", "\u001f", "\u007f", "\u0085", "\u009b", "\u009f"];

/** Each endpoint with each of its parameters and a value that is valid on its own. */
const ENDPOINTS: { path: string; params: Record<string, string>; page?: boolean; admin?: boolean }[] = [
  ...["/v1/figures", "/v1/figures.csv"].map((path) => ({ path, params: { place: "杜集区", q: "财政收入", metric: "财政收入", unit: "元", kind: "reported", change: "true", from: "2020-01-01", to: "2021-01-01", min: "1", max: "2", limit: "5" } })),
  ...["/v1/goals", "/v1/goals.csv"].map((path) => ({ path, params: { place: "杜集区", q: "财政收入", metric: "财政收入", actor: "高邮", deadline: "2025", from: "2020-01-01", to: "2021-01-01", limit: "5" } })),
  { path: "/v1/articles", params: { place: "杜集区", q: "财政收入", status: "extracted", from: "2020-01-01", to: "2021-01-01", limit: "5" } },
  { path: "/v1/places", params: { limit: "5" } },
  { path: "/v1/metrics", params: { place: "杜集区", kind: "target", limit: "5" } },
  ...["feed", "digest"].flatMap((n) => ["xml", "atom", "json"].map((e) => ({ path: `/${n}.${e}`, params: { place: "杜集区", metric: "财政收入", kind: "target", q: "财政收入", limit: "5" } }))),
  { path: "/", params: { place: "杜集区", metric: "财政收入", kind: "target", q: "财政收入", limit: "5", day: "2026-11-20" }, page: true },
  { path: "/metrics/财政收入", params: { kind: "target" }, page: true },
  ...["/v1/promises", "/v1/promises.csv"].map((path) => ({ path, params: { place: "保定市", metric: "生产总值", period: "2015", verdict: "met", q: "生产总值", limit: "5" } })),
  ...["xml", "atom", "json"].map((e) => ({ path: `/promises.${e}`, params: { place: "保定市", metric: "生产总值", verdict: "met", limit: "5" } })),
  { path: "/v1/admin/reextract", params: { scope: "stale", cursor: "1" }, admin: true },
];

function request(path: string, params: Record<string, string>, admin?: boolean): Promise<Response> {
  const url = `${BASE}${path}?${new URLSearchParams(params)}`;
  return exports.default.fetch(url, admin ? { method: "POST", headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } } : {});
}

async function expectRefused(res: Response, parameter: string, what: string, page?: boolean) {
  const body = await res.text();
  expect(res.status, `${what} → ${body.slice(0, 200)}`).toBe(400);
  if (page && (res.headers.get("content-type") ?? "").startsWith("text/html")) {
    expect(body, what).toContain(parameter);
    return;
  }
  expect(res.headers.get("content-type"), what).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(body), what).toMatchObject({ status: 400, code: "invalid_parameter", parameter });
}

beforeAll(async () => {
  await seedCorpus();
});

describe("control characters in parameters", { timeout: 120_000 }, () => {
  it("every endpoint answers its valid parameters", async () => {
    for (const e of ENDPOINTS) {
      const res = await request(e.path, e.params, e.admin);
      expect(res.status, e.path).toBeLessThan(300);
      await res.arrayBuffer();
    }
  });

  for (const e of ENDPOINTS) {
    it(`${e.path}: a control character in any parameter is a 400 naming it`, async () => {
      for (const [name, valid] of Object.entries(e.params)) {
        for (const c of CONTROLS) {
          for (const value of [`${valid.slice(0, 1)}${c}${valid.slice(1)}`, `${valid}${c}`]) {
            const what = `${e.path} ${name}=${JSON.stringify(value)}`;
            await expectRefused(await request(e.path, { ...e.params, [name]: value }, e.admin), name, what, e.page);
          }
        }
      }
    });
  }

  it("a control character in a path segment is refused, not a 5xx", async () => {
    const metric = await exports.default.fetch(`${BASE}/metrics/${encodeURIComponent("财政\u0000收入")}`);
    await expectRefused(metric, "metric", "/metrics/财政%00收入", true);
    for (const p of ["/v1/articles/1%00", "/v1/articles/%001"]) {
      const res = await exports.default.fetch(`${BASE}${p}`);
      await expectRefused(res, "id", p);
    }
  });
});

describe("numbers, days and keyword terms", { timeout: 60_000 }, () => {
  const cases: [string, string][] = [
    ["/v1/articles/0x10", "id"],
    ["/v1/articles/1e3", "id"],
    ["/v1/articles/1.0", "id"],
    ["/v1/articles/+1", "id"],
    ["/v1/articles/0", "id"],
    ["/v1/figures?limit=0x10", "limit"],
    ["/v1/figures?limit=1e2", "limit"],
    ["/v1/figures?limit=+5", "limit"],
    ["/v1/figures?limit=5.0", "limit"],
    ["/v1/places?limit=0x10", "limit"],
    ["/v1/figures?min=0x10", "min"],
    ["/v1/figures?max=1e309", "max"],
    ["/v1/figures?min=Infinity", "min"],
    ["/v1/figures?q=一二三 四五六 七八九 十一二 十三四 十五六", "q"],
    ["/feed.xml?q=一二三 四五六 七八九 十一二 十三四 十五六", "q"],
  ];
  for (const [path, parameter] of cases) {
    it(`${path} → 400 ${parameter}`, async () => {
      await expectRefused(await exports.default.fetch(BASE + path), parameter, path);
    });
  }

  it("five keyword terms are all used; decimal min/max and plain limits still work", async () => {
    expect((await exports.default.fetch(`${BASE}/v1/figures?q=${encodeURIComponent("财政 收入 亿元 增长 杜集")}`)).status).toBe(200);
    const r = await exports.default.fetch(`${BASE}/v1/figures?min=-1.5&max=1200000000&limit=7`);
    expect(r.status).toBe(200);
    expect(((await r.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(7);
  });

  it("/?day=2024-02-30 is refused (a day that does not exist)", async () => {
    const res = await exports.default.fetch(`${BASE}/?day=2024-02-30`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("day");
    expect((await exports.default.fetch(`${BASE}/?day=2024-02-29`)).status).toBe(200);
  });
});
