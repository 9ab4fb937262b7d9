/** Validation problems, CORS, the OpenAPI document and the reference page. */
import { describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/db/queries";
import { get } from "./http";

async function problem(path: string) {
  const res = await get(path);
  expect(res.status, path).toBe(400);
  expect(res.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
  return (await res.json()) as { type: string; title: string; status: number; code: string; detail: string; parameter: string };
}

describe("bad parameters are 400 problems naming the parameter", () => {
  const cases: [string, string][] = [
    ["/v1/figures?limit=0", "limit"],
    ["/v1/figures?limit=999", "limit"],
    ["/v1/figures?limit=abc", "limit"],
    ["/v1/figures?kind=x", "kind"],
    ["/v1/figures?from=notadate", "from"],
    ["/v1/figures?to=2021-02-30", "to"],
    ["/v1/figures?from=2022-01-01&to=2021-01-01", "to"],
    ["/v1/figures?cursor=bad!", "cursor"],
    [`/v1/figures?cursor=${btoa('["x",-1]')}`, "cursor"],
    [`/v1/figures?cursor=${btoa('{"a":1}')}`, "cursor"],
    ["/v1/figures?cursor=abc", "cursor"],
    ["/v1/figures?min=abc", "min"],
    ["/v1/figures?change=maybe", "change"],
    [`/v1/figures?metric=${"长".repeat(101)}`, "metric"],
    ["/v1/goals?limit=201", "limit"],
    ["/v1/goals?q=", "q"],
    ["/v1/articles?status=done", "status"],
    ["/v1/places?limit=0", "limit"],
    ["/v1/metrics?kind=x", "kind"],
  ];
  for (const [path, parameter] of cases) {
    it(`${path} → ${parameter}`, async () => {
      const body = await problem(path);
      expect(body).toMatchObject({ status: 400, code: "invalid_parameter", parameter, type: "/problems/invalid_parameter" });
      expect(body.detail).toContain(parameter);
    });
  }

  it("a well-formed cursor of ours is accepted", async () => {
    const res = await get(`/v1/figures?cursor=${encodeCursor({ published: "2020-01-10", id: 5 })}`);
    expect(res.status).toBe(200);
  });

  it("long metric and keyword terms beyond D1's LIKE limit still answer", async () => {
    expect((await get(`/v1/figures?metric=${encodeURIComponent("集体经济经营性收入50万元以上村占比集体经济")}`)).status).toBe(200);
    expect((await get(`/v1/goals?deadline=${encodeURIComponent("十四五期末十四五期末十四五期末十四五期末")}`)).status).toBe(200);
  });
});

describe("CORS", () => {
  it("GET answers carry Access-Control-Allow-Origin", async () => {
    const res = await get("/v1/figures?limit=1", { headers: { Origin: "https://notebook.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("Link");
  });

  it("preflight allows GET only", async () => {
    const res = await get("/v1/goals", {
      method: "OPTIONS",
      headers: { Origin: "https://notebook.example", "Access-Control-Request-Method": "GET" },
    });
    expect(res.status).toBe(204);
    const allow = res.headers.get("access-control-allow-methods") ?? "";
    expect(allow).toContain("GET");
    expect(allow).not.toContain("POST");
  });
});

describe("OpenAPI and docs", () => {
  it("/openapi.json is OpenAPI 3.1 with every route and the problem responses", async () => {
    const res = await get("/openapi.json");
    expect(res.status).toBe(200);
    const doc: any = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      ["/v1/articles", "/v1/articles/{id}", "/v1/figures", "/v1/figures.csv", "/v1/goals", "/v1/goals.csv", "/v1/metrics", "/v1/places", "/v1/promises", "/v1/promises.csv", "/v1/promises/{id}"].sort(),
    );
    const params = doc.paths["/v1/figures"].get.parameters.map((p: any) => p.name);
    expect(params).toEqual(expect.arrayContaining(["place", "metric", "kind", "unit", "change", "min", "max", "from", "to", "q", "cursor", "limit"]));
    expect(doc.paths["/v1/figures"].get.responses["400"].content["application/problem+json"]).toBeTruthy();
    expect(doc.components.schemas.Figure).toBeTruthy();
    // The cursor is decoded by its schema but documented as the string a client sends.
    expect(doc.paths["/v1/figures"].get.parameters.find((p: any) => p.name === "cursor").schema.type).toBe("string");
    // A promise's figures are derived from Figure (src/shapes.ts), under their own name.
    const pf = doc.components.schemas.PromiseFigure;
    expect(Object.keys(pf.properties).sort()).toEqual(["approx", "article_id", "change", "figure_id", "metric", "published", "sentence", "seq", "text", "unit", "value", "value_max"]);
    expect(pf.properties.approx).toEqual(doc.components.schemas.FigureRef.properties.approx);
  });

  it("/docs returns the reference page (HTML)", async () => {
    const res = await get("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("/openapi.json");
  });
});
