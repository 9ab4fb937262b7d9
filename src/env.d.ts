/** Bindings of wrangler.toml plus the secrets (WEBHOOK_SECRETS, ADMIN_TOKEN from .dev.vars or `wrangler secret put`). */
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    EXTRACT_QUEUE: Queue<import("./pipeline/messages").ExtractMessage>;
    /** Comma-separated Standard Webhooks secrets (`whsec_…`); any one verifies. */
    WEBHOOK_SECRETS: string;
    /** Bearer token for the admin endpoints. */
    ADMIN_TOKEN: string;
    /** Largest accepted body in bytes (string var). */
    MAX_BODY_BYTES: string;
    /** Base URL for links in feeds and Link headers; empty = the request's own origin (dev, tests). */
    PUBLIC_BASE_URL: string;
    /** "true" in a deployment (wrangler.toml [env.production]): links need PUBLIC_BASE_URL. */
    REQUIRE_PUBLIC_BASE_URL?: string;
    /** Province prefixes → D1 bindings, "*" the catch-all (src/db/router.ts); absent = "*=DB". */
    SHARDS?: string;
  }
  interface GlobalProps {
    mainModule: typeof import("./index");
  }
}

/** The Worker's environment as seen by handlers (`Cloudflare.Env` plus test-only bindings). */
interface Env extends Cloudflare.Env {}
