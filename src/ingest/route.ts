import { Hono } from "hono";
import type { AppEnv } from "../app";

/** Placeholder until ingest lands. */
export const ingestRoutes = new Hono<AppEnv>();
