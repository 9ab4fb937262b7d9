// Creates .dev.vars from the committed .dev.vars.example on first `npm start`, so a fresh clone
// has a local webhook secret without any manual step. An existing .dev.vars is left alone.
import { copyFileSync, existsSync } from "node:fs";

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("created .dev.vars from .dev.vars.example (local development secrets)");
}
