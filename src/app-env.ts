/**
 * The hono environment every route module is typed with. It lives here, not in app.ts, because
 * app.ts imports every route module: a route importing it back from there would be a cycle.
 */
export type AppEnv = { Bindings: Env };
