/**
 * npm run extract -- [--out DIR] FILE...
 * Decodes each FILE (UTF-8, GBK/GB18030 or Big5, BOM honoured) and writes DIR/NAME.json (NAME =
 * file name without .txt), or prints one JSON summary per file to stdout without --out.
 * Bad paths and undecodable files: a message on stderr, exit code 1, other files still processed.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { decodeBytes } from "../src/ingest/decode";
import { extract, EXTRACTOR_VERSION } from "../src/extract/index";

function main(argv: string[]): number {
  let outDir: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--out") {
      outDir = argv[++i];
      if (!outDir) { console.error("extract: --out needs a directory"); return 2; }
    } else if (a === "--help" || a === "-h") {
      console.log("usage: npm run extract -- [--out DIR] FILE...");
      return 0;
    } else if (a === "--version") {
      console.log(`extractor version ${EXTRACTOR_VERSION}`);
      return 0;
    } else files.push(a);
  }
  if (files.length === 0) { console.error("usage: npm run extract -- [--out DIR] FILE..."); return 2; }
  if (outDir) mkdirSync(outDir, { recursive: true });
  let failed = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      console.error(`extract: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      failed++;
      continue;
    }
    const dec = decodeBytes(bytes);
    if (!dec.ok) {
      console.error(`extract: ${file}: cannot decode (${dec.code}: ${dec.detail})`);
      failed++;
      continue;
    }
    const summary = extract(dec.text);
    // A stage that threw is a failure, not a result: say so and exit 1 (the summary is still written).
    if (summary.errors.length) {
      console.error(`extract: ${file}: ${summary.errors.map((e) => `${e.stage} failed: ${e.message}`).join("; ")}`);
      failed++;
    }
    const json = JSON.stringify(summary, null, 2);
    if (outDir) {
      const name = basename(file).replace(/\.txt$/i, "");
      writeFileSync(join(outDir, `${name}.json`), json + "\n");
    } else {
      process.stdout.write(json + "\n");
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
