/**
 * D1 footprint (issue 14): the 114 real articles of ../shared/corpus and ../shared/reports posted
 * through the webhook to `wrangler dev` on a fresh local D1 (127.0.0.1:8718), extracted by the
 * queue consumer, then the size of the database against the text it holds.
 *
 *   db_bytes   = page_count × page_size summed over every local D1 file (free pages count: no
 *                VACUUM is run, since a production database never gets one either)
 *   text_bytes = the UTF-8 bytes of the texts as posted
 *
 * and the bytes of each table and index from SQLite's `dbstat` (read from Node's own SQLite,
 * read-only, once the server has stopped). Skips with a message when ../shared is absent.
 * `npm run bench -- storage` or `npx tsx scripts/bench/storage.ts` (BENCH_STORAGE_KEEP=1 keeps
 * the database directory).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { LocalWorker } from "../lib/dev-server.ts";
import { contentType, signedHeaders } from "../lib/webhook.ts";

const PORT = 8718;
const SHARED = join(import.meta.dirname, "..", "..", "..", "shared");
const FOLDERS = ["corpus", "reports"];
/** Extraction of the 114 texts takes well under a minute; this bounds a stuck queue. */
const EXTRACT_TIMEOUT_MS = 10 * 60_000;

function sharedTexts(): string[] {
  return FOLDERS.flatMap((d) =>
    readdirSync(join(SHARED, d))
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => join(SHARED, d, f)),
  );
}

/** Every D1 database file under the persist directory (wrangler keeps one per binding). */
function d1Files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return d1Files(p);
    return name.endsWith(".sqlite") && name !== "metadata.sqlite" ? [p] : [];
  });
}

async function post(base: string, secret: string, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const id = `msg_storage_${randomBytes(12).toString("hex")}`;
  const res = await fetch(`${base}/v1/articles`, {
    method: "POST",
    headers: { "content-type": contentType(file, bytes), ...signedHeaders(secret, id, bytes) },
    body: bytes,
  });
  if (res.status !== 201) throw new Error(`${file} → ${res.status} ${(await res.text()).slice(0, 300)}`);
}

async function countWithStatus(base: string, status: string): Promise<number> {
  let n = 0;
  let next: string | null = `/v1/articles?status=${status}&limit=200`;
  while (next) {
    const res = await fetch(`${base}${next}`);
    if (!res.ok) throw new Error(`${next} → ${res.status}`);
    const page = (await res.json()) as { items: unknown[]; next_cursor: string | null };
    n += page.items.length;
    next = page.next_cursor ? `/v1/articles?status=${status}&limit=200&cursor=${page.next_cursor}` : null;
  }
  return n;
}

interface Footprint {
  bytes: number;
  free: number;
  objects: { name: string; type: string; table: string; bytes: number }[];
}

function footprint(file: string): Footprint {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const { pages, size, free } = db.prepare("SELECT (SELECT page_count FROM pragma_page_count) AS pages, (SELECT page_size FROM pragma_page_size) AS size, (SELECT freelist_count FROM pragma_freelist_count) AS free").get() as { pages: number; size: number; free: number };
    const objects = db
      .prepare(
        `SELECT d.name AS name, coalesce(s.type, 'table') AS type, coalesce(s.tbl_name, d.name) AS tbl, sum(d.pgsize) AS bytes
         FROM dbstat AS d LEFT JOIN sqlite_schema AS s ON s.name = d.name GROUP BY d.name ORDER BY bytes DESC, d.name`,
      )
      .all() as { name: string; type: string; tbl: string; bytes: number }[];
    return { bytes: pages * size, free: free * size, objects: objects.map((o) => ({ name: o.name, type: o.type, table: o.tbl, bytes: o.bytes })) };
  } finally {
    db.close();
  }
}

const mb = (n: number) => (n / 1e6).toFixed(2).padStart(8);

/** Tables holding one article's rows, the column naming the article, and the indexes each row also writes (schema.ts). */
const PER_ARTICLE: { table: string; article: string; indexes: number }[] = [
  { table: "articles", article: "id", indexes: 5 },
  { table: "article_places", article: "article_id", indexes: 1 },
  { table: "figures", article: "article_id", indexes: 3 },
  { table: "goals", article: "article_id", indexes: 3 },
  { table: "goal_figures", article: "(SELECT article_id FROM goals WHERE goals.id = goal_id)", indexes: 1 },
  { table: "promise_figures", article: "article_id", indexes: 1 },
  { table: "promise_coverage", article: "article_id", indexes: 1 },
  { table: "promises", article: "target_article_id", indexes: 6 },
];

/**
 * Per article: rows stored (its article row and the rows naming it), rows written by its
 * extraction counting each index entry as D1 bills it (one more row per index; the two FTS
 * inserts and the metric_counts trigger upserts counted as one row each, a floor), and bytes:
 * its share of db_bytes in proportion to the bytes of its own values.
 */
function perArticle(file: string, dbBytes: number): { rows: number[]; written: number[]; bytes: number[] } {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const ids = (db.prepare("SELECT id FROM articles ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    const rows = new Map(ids.map((id) => [id, 0]));
    const written = new Map(ids.map((id) => [id, 0]));
    const own = new Map(ids.map((id) => [id, 0]));
    for (const t of PER_ARTICLE) {
      const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t.table}')`).all() as { name: string }[]).map((c) => `coalesce(length(CAST(${c.name} AS BLOB)), 0)`);
      const q = db.prepare(`SELECT ${t.article} AS id, count(*) AS n, sum(${cols.join(" + ")}) AS b FROM ${t.table} GROUP BY 1`);
      for (const r of q.all() as { id: number; n: number; b: number }[]) {
        if (!rows.has(r.id)) continue;
        rows.set(r.id, rows.get(r.id)! + r.n);
        written.set(r.id, written.get(r.id)! + r.n * (1 + t.indexes));
        own.set(r.id, own.get(r.id)! + r.b);
      }
    }
    // Two FTS rows per article and one metric_counts upsert per distinct (metric, kind, place) of its figures.
    const counts = db.prepare("SELECT article_id AS id, count(DISTINCT coalesce(metric_key, metric) || kind || coalesce(place_key, '')) AS n FROM figures WHERE metric IS NOT NULL GROUP BY 1").all() as { id: number; n: number }[];
    for (const id of ids) written.set(id, written.get(id)! + 2);
    for (const r of counts) if (written.has(r.id)) written.set(r.id, written.get(r.id)! + r.n);
    const total = [...own.values()].reduce((a, b) => a + b, 0);
    return { rows: ids.map((id) => rows.get(id)!), written: ids.map((id) => written.get(id)!), bytes: ids.map((id) => (own.get(id)! / total) * dbBytes) };
  } finally {
    db.close();
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

export default async function run(): Promise<void> {
  if (!FOLDERS.every((d) => existsSync(join(SHARED, d)))) {
    console.log(`skipped: ${SHARED}/{${FOLDERS.join(",")}} not found (the shared corpus sits beside the project)`);
    return;
  }
  const files = sharedTexts();
  const textBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const w = LocalWorker.create("jiyao-bench-storage-");
  try {
    const base = await w.serve(PORT, { WEBHOOK_SECRETS: secret });
    const t0 = performance.now();
    for (const f of files) await post(base, secret, f);
    const until = Date.now() + EXTRACT_TIMEOUT_MS;
    while ((await countWithStatus(base, "received")) > 0) {
      if (Date.now() > until) throw new Error(`articles still received after ${EXTRACT_TIMEOUT_MS / 60_000} min`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const failed = await countWithStatus(base, "failed");
    const extracted = await countWithStatus(base, "extracted");
    console.log(`${files.length} texts posted, ${extracted} extracted, ${failed} failed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (failed) throw new Error(`${failed} articles failed extraction`);
    await w.stop();

    const prints = d1Files(join(w.dir, "v3", "d1")).map(footprint);
    const dbBytes = prints.reduce((n, p) => n + p.bytes, 0);
    console.log(`db_bytes ${dbBytes} text_bytes ${textBytes} ratio ${(dbBytes / textBytes).toFixed(2)}`);
    console.log(`${"object".padEnd(50)} ${"type".padEnd(6)} ${"MB".padStart(8)} ${"× text".padStart(7)}`);
    for (const p of prints) {
      for (const o of p.objects) {
        const label = o.table === o.name ? o.name : `${o.name} (${o.table})`;
        console.log(`${label.padEnd(50)} ${o.type.padEnd(6)} ${mb(o.bytes)} ${(o.bytes / textBytes).toFixed(2).padStart(7)}`);
      }
      console.log(`${"(free pages)".padEnd(50)} ${"".padEnd(6)} ${mb(p.free)} ${(p.free / textBytes).toFixed(2).padStart(7)}`);
    }
    const files1 = d1Files(join(w.dir, "v3", "d1"));
    if (files1.length === 1) {
      const per = perArticle(files1[0]!, dbBytes);
      const line = (name: string, xs: number[], fmt: (n: number) => string) => console.log(`per article ${name.padEnd(28)} median ${fmt(quantile(xs, 0.5))}  p95 ${fmt(quantile(xs, 0.95))}  max ${fmt(Math.max(...xs))}`);
      line("bytes (share of db_bytes)", per.bytes, (n) => `${(n / 1024).toFixed(0)} KB`);
      line("rows stored", per.rows, String);
      line("rows written (index-weighted)", per.written, String);
    }
  } finally {
    await w.close(!!process.env.BENCH_STORAGE_KEEP);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
