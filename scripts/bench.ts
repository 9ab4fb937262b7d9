/**
 * `npm run bench`: runs every benchmark module in scripts/bench/ (each default-exports an async
 * function that prints its own figures), one after another so they do not compete for the
 * machine's cores. `npm run bench -- extract api` runs only the named ones.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const dir = join(import.meta.dirname, "bench");
const only = process.argv.slice(2);
const modules = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => basename(f, ".ts"))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

for (const name of modules) {
  console.log(`\n== bench: ${name} ==`);
  const mod = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { default: () => Promise<void> };
  await mod.default();
}
