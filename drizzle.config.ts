import { defineConfig } from "drizzle-kit";

// Migrations are generated here and applied by wrangler (`migrations_dir = "drizzle"`).
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema.ts",
  out: "./drizzle",
});
