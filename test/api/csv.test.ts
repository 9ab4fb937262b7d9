/**
 * /v1/figures and /v1/goals as CSV (`.csv` paths and `Accept: text/csv`), through the real Worker
 * over articles posted to the real webhook and extracted by the real consumer: the same rows as
 * the JSON list's cursor pages, fields with quotes, commas and line breaks quoted as RFC 4180
 * says, the same filters and the same problem documents, pages read as the client reads.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { FIGURE_COLUMNS } from "../../src/api/figures";
import { csvStream } from "../../src/csv";
import { type CursorKey, listFigures } from "../../src/db/queries";
import { readCsv } from "../helpers/csv";
import { seedCorpus } from "../helpers/seed";
import { eventually } from "../helpers/wait";
import { postJson } from "../helpers/webhook";
import { get, walk } from "./http";

/** An article whose title and sentences hold ASCII quotes and commas, and a title a spreadsheet would run. */
const QUOTED = {
  title: '关于"十四五",规划的报告',
  text: '2024年,全市"十四五"规划推进,地区生产总值增长5.2%,财政收入12亿元。\n2025年力争新增"专精特新"企业20家、高新技术企业30家,完成投资40亿元。\n',
};
const FORMULA = { title: "=HYPERLINK(\"http://x\"),-1", text: "2024年全县粮食产量45万吨。\n" };

/** A JSON value as the CSV writes it (src/csv.ts). */
function asCsv(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The CSV rows as objects keyed by the header. */
const records = ({ header, rows }: { header: string[]; rows: string[][] }) => rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));

beforeAll(async () => {
  await env.DB.exec("DELETE FROM articles");
  await seedCorpus();
  for (const [i, a] of [QUOTED, FORMULA].entries()) expect((await postJson(a, { id: `csv-${i}` })).status).toBe(201);
  await eventually(async () => {
    const r = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE status != 'extracted'").first<{ n: number }>();
    expect(r!.n).toBe(0);
  });
});

describe("GET /v1/figures as CSV", () => {
  it("writes every figure of the JSON pages, field by field, from a .csv path or Accept: text/csv", async () => {
    const json = await walk("/v1/figures?limit=7");
    expect(json.pages).toBeGreaterThan(2);
    for (const res of [await get("/v1/figures.csv"), await get("/v1/figures?limit=7", { headers: { accept: "text/csv" } })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="figures.csv"');
      const csv = await readCsv(res);
      expect(csv.header).toEqual(FIGURE_COLUMNS.map((c) => c.name));
      const rows = records(csv);
      expect(rows).toHaveLength(json.items.length);
      rows.forEach((r, i) => {
        const f = json.items[i];
        for (const name of csv.header) expect(r[name], `${f.id} ${name}`).toBe(asCsv(f[name]));
      });
    }
  });

  it("quotes quotes and commas, and defuses a title a spreadsheet would run", async () => {
    const res = await get(`/v1/figures.csv?${new URLSearchParams({ q: "十四五" })}`);
    const text = new TextDecoder().decode(await res.clone().arrayBuffer());
    // On the wire: the title quoted with its quotes doubled.
    expect(text).toContain('"关于""十四五"",规划的报告"');
    const rows = records(await readCsv(res)).filter((r) => r.title === QUOTED.title);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      expect(r.title).toBe(QUOTED.title);
      expect(r.sentence).toMatch(/[",]/);
    }
    const formula = records(await readCsv(await get(`/v1/figures.csv?${new URLSearchParams({ metric: "粮食产量" })}`)));
    expect(formula.map((r) => r.title)).toEqual([`'${FORMULA.title}`]);
    expect(formula[0]!.value).toBe("450000");
  });

  it("takes the JSON list's filters and its cursor", async () => {
    for (const query of ["kind=target", "place=杜集区&change=false", "metric=财政收入&min=100000000", "q=专精特新", "from=2020-01-01&to=2030-12-31"]) {
      const json = await walk(`/v1/figures?${query}&limit=4`);
      const rows = records(await readCsv(await get(`/v1/figures.csv?${query}`)));
      expect(rows.map((r) => Number(r.id)), query).toEqual(json.items.map((f: any) => f.id));
    }
    const first = await (await get("/v1/figures?limit=5")).json<any>();
    const all = await walk("/v1/figures?limit=50");
    const rest = records(await readCsv(await get(`/v1/figures.csv?cursor=${first.next_cursor}`)));
    expect(rest.map((r) => Number(r.id))).toEqual(all.items.slice(5).map((f: any) => f.id));
  });

  it("refuses bad filters with the JSON list's problem documents", async () => {
    for (const [query, parameter] of [["min=0x10", "min"], ["from=2024-02-30", "from"], ["kind=maybe", "kind"], ["from=2024-02-02&to=2024-01-01", "to"], ["cursor=zzz!", "cursor"], ["place=%00", "place"]] as const) {
      const fromJson = await get(`/v1/figures?${query}`);
      const expected = { ...(await fromJson.json<any>()) };
      for (const res of [await get(`/v1/figures.csv?${query}`), await get(`/v1/figures?${query}`, { headers: { accept: "text/csv" } })]) {
        expect(res.status, query).toBe(400);
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        const body = await res.json<any>();
        expect(body).toMatchObject({ code: "invalid_parameter", parameter });
        expect({ ...body, instance: undefined }).toEqual({ ...expected, instance: undefined });
      }
    }
  });

  it("reads pages as the client reads rows, at most one page ahead", async () => {
    let reads = 0;
    const stream = csvStream(FIGURE_COLUMNS, async (cursor: CursorKey | undefined) => (reads++, listFigures(env.DB, { cursor, limit: 3 })));
    const reader = stream.getReader();
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    expect(decoder.decode((await reader.read()).value).startsWith("\uFEFFid,article_id,")).toBe(true);
    expect(reads).toBeLessThanOrEqual(1);
    for (let chunk = 1; chunk <= 3; chunk++) {
      expect(decoder.decode((await reader.read()).value).split("\r\n").filter(Boolean)).toHaveLength(3);
      expect(reads).toBeLessThanOrEqual(chunk + 1);
    }
    const total = await env.DB.prepare("SELECT count(*) AS n FROM figures").first<{ n: number }>();
    expect(total!.n).toBeGreaterThan(30);
    await reader.cancel();
    expect(reads).toBeLessThanOrEqual(4);
  });
});

describe("GET /v1/goals as CSV", () => {
  it("writes every goal of the JSON pages with its figures flattened into a multi-line cell", async () => {
    const json = await walk("/v1/goals?limit=4");
    expect(json.pages).toBeGreaterThan(1);
    for (const res of [await get("/v1/goals.csv"), await get("/v1/goals?limit=4", { headers: { accept: "text/csv" } })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-disposition")).toBe('attachment; filename="goals.csv"');
      const csv = await readCsv(res);
      expect(csv.header.slice(0, 8)).toEqual(["id", "article_id", "title", "published", "place", "place_name", "seq", "text"]);
      const rows = records(csv);
      expect(rows).toHaveLength(json.items.length);
      rows.forEach((r, i) => {
        const g = json.items[i];
        for (const name of ["id", "article_id", "title", "published", "place", "place_name", "seq", "text", "deadline", "actor", "period", "start", "end"]) {
          expect(r[name], `${g.id} ${name}`).toBe(asCsv(g[name]));
        }
        expect(r.figure_count).toBe(String(g.figures.length));
        expect(r.figure_ids).toBe(g.figures.map((f: any) => f.id).join(" "));
        expect(r.figures).toBe(asCsv(g.figures.map((f: any) => (f.metric ? `${f.metric} ${f.text}` : f.text)).join("\n")));
      });
    }
  });

  it("keeps quotes, commas and line breaks inside one field", async () => {
    const rows = records(await readCsv(await get(`/v1/goals.csv?${new URLSearchParams({ q: "专精特新", deadline: "2025" })}`)));
    const goal = rows.find((r) => r.title === QUOTED.title && r.text!.includes('"专精特新"'));
    expect(goal, JSON.stringify(rows)).toBeDefined();
    expect(goal!.figures).toContain("\n");
    expect(goal!.figures!.split("\n").length).toBe(Number(goal!.figure_count));
  });

  it("takes the JSON list's filters and refuses bad ones the same way", async () => {
    for (const query of ["deadline=2025", "place=高邮", "metric=专精特新", "actor=高邮"]) {
      const json = await walk(`/v1/goals?${query}&limit=3`);
      const rows = records(await readCsv(await get(`/v1/goals.csv?${query}`)));
      expect(rows.map((r) => Number(r.id)), query).toEqual(json.items.map((g: any) => g.id));
    }
    for (const [query, parameter] of [["deadline=%01", "deadline"], ["q=a b c d e f", "q"], ["limit=0", "limit"]] as const) {
      const expected = await (await get(`/v1/goals?${query}`)).json<any>();
      for (const res of [await get(`/v1/goals.csv?${query}`), await get(`/v1/goals?${query}`, { headers: { accept: "text/csv" } })]) {
        expect(res.status, query).toBe(400);
        const body = await res.json<any>();
        expect(body).toMatchObject({ code: "invalid_parameter", parameter });
        expect({ ...body, instance: undefined }).toEqual({ ...expected, instance: undefined });
      }
    }
  });
});

describe("the OpenAPI document", () => {
  it("describes the CSV answers and the .csv paths", async () => {
    const doc = await (await get("/openapi.json")).json<any>();
    for (const path of ["/v1/figures", "/v1/goals", "/v1/promises"]) {
      expect(Object.keys(doc.paths[path].get.responses["200"].content), path).toEqual(["application/json", "text/csv"]);
      const csv = doc.paths[`${path}.csv`].get;
      expect(Object.keys(csv.responses["200"].content), path).toEqual(["text/csv"]);
      expect(csv.responses["400"]).toBeDefined();
      expect(csv.parameters.map((p: any) => p.name).sort()).toEqual(doc.paths[path].get.parameters.map((p: any) => p.name).sort());
    }
  });
});
