/**
 * `npm run post -- [--url http://127.0.0.1:8787] [--secret whsec_…] FILE...`
 *
 * Signs each file with Standard Webhooks and posts its bytes unchanged to POST /v1/articles,
 * declaring the charset it detects (UTF-8, GB18030, Big5; a BOM is left for the server to read).
 * `.html`/`.htm` go as text/html, `.json` as application/json, anything else as text/plain.
 * The webhook-id is derived from the file's bytes, so posting the same file again is an
 * idempotent replay. Prints `file<TAB>status<TAB>id-or-problem-code` per file; exits 1 if any failed.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { contentType, signedHeaders } from "./lib/webhook.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: "string", default: "http://127.0.0.1:8787" }, secret: { type: "string" } },
});

function secretFromDevVars(): string | undefined {
  for (const file of [".dev.vars", ".dev.vars.example"]) {
    if (!existsSync(file)) continue;
    const m = /^WEBHOOK_SECRETS\s*=\s*"?([^",\s]+)/m.exec(readFileSync(file, "utf8"));
    if (m) return m[1];
  }
  return undefined;
}

const secret = values.secret ?? secretFromDevVars();
if (!secret) {
  console.error("post: no secret: pass --secret whsec_… or create .dev.vars (npm start does)");
  process.exit(2);
}
if (positionals.length === 0) {
  console.error("usage: npm run post -- [--url URL] [--secret whsec_…] FILE...");
  process.exit(2);
}

let failed = 0;
const endpoint = new URL("/v1/articles", values.url);
for (const file of positionals) {
  let line: string;
  try {
    const bytes = new Uint8Array(readFileSync(file));
    const id = `msg_${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}`;
    const res = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": contentType(file, bytes), ...signedHeaders(secret, id, bytes) },
      body: bytes,
    });
    const body = (await res.json().catch(() => ({}))) as { id?: number; duplicate_of?: number; code?: string };
    if (!res.ok) failed++;
    line = `${file}\t${res.status}\t${res.ok ? (body.id ?? body.duplicate_of ?? "") : (body.code ?? res.statusText)}`;
  } catch (e) {
    failed++;
    line = `${file}\terror\t${(e as Error).message}`;
  }
  console.log(line);
}
process.exit(failed ? 1 : 0);
