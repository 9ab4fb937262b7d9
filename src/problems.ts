/**
 * RFC 9457 problem details: every error the service answers is one of these, with a stable
 * machine-readable `code`. Routes throw (or return) a `Problem`; `app.onError` renders it.
 */

export const PROBLEM_CODES = {
  malformed: { status: 400, title: "Malformed request" },
  invalid_parameter: { status: 400, title: "Invalid parameter" },
  empty_text: { status: 400, title: "Article text is empty" },
  missing_signature: { status: 401, title: "Missing webhook signature headers" },
  bad_signature: { status: 401, title: "Webhook signature does not verify" },
  stale_timestamp: { status: 401, title: "Webhook timestamp outside the tolerance window" },
  duplicate_signature_header: { status: 400, title: "Webhook signature header sent more than once" },
  too_many_signatures: { status: 400, title: "Too many webhook signatures" },
  invalid_webhook_id: { status: 400, title: "Invalid webhook-id" },
  unauthorized: { status: 401, title: "Missing or wrong bearer token" },
  unsupported_auth_scheme: { status: 401, title: "Only the Bearer authorization scheme is accepted" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  payload_too_large: { status: 413, title: "Request body too large" },
  text_too_large: { status: 413, title: "Article too large to store" },
  unsupported_media_type: { status: 415, title: "Unsupported content type" },
  unsupported_charset: { status: 415, title: "Unsupported charset" },
  unsupported_encoding: { status: 415, title: "Unsupported content encoding" },
  undecodable_text: { status: 422, title: "Body cannot be decoded as text" },
  storage_unavailable: { status: 503, title: "Storage unavailable, retry later" },
  internal: { status: 500, title: "Internal error" },
  misconfigured: { status: 500, title: "The deployment is misconfigured" },
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export class Problem extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly extra: Record<string, unknown>;

  constructor(code: ProblemCode, detail: string, extra: Record<string, unknown> = {}) {
    super(detail);
    this.code = code;
    this.status = PROBLEM_CODES[code].status;
    this.title = PROBLEM_CODES[code].title;
    this.extra = extra;
  }

  toResponse(instance?: string, headers: HeadersInit = {}): Response {
    return problemResponse(this.code, this.message, { ...this.extra, ...(instance ? { instance } : {}) }, headers);
  }
}

/** Builds the problem+json response for `code` (the one place that knows the document's shape). */
export function problemResponse(
  code: ProblemCode,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
): Response {
  const { status, title } = PROBLEM_CODES[code];
  const body = { type: `/problems/${code}`, title, status, code, detail, ...extra };
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json; charset=utf-8");
  h.set("x-content-type-options", "nosniff");
  return new Response(JSON.stringify(body), { status, headers: h });
}
