/**
 * Reads a request body as bytes without ever holding more than `limit` of it: a declared
 * Content-Length over the limit is refused before reading, and a chunked body is cut off as
 * soon as it passes the limit.
 */
import { Problem } from "../problems";

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;

export function maxBodyBytes(setting: string | undefined): number {
  const n = Number(setting);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_MAX_BODY_BYTES;
}

function tooLarge(limit: number): Problem {
  return new Problem("payload_too_large", `The body is larger than the ${limit}-byte limit.`, { limit });
}

/** Refuses a declared length over the limit (call before anything else reads the request). */
export function checkDeclaredLength(req: Request, limit: number): void {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
}

export async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
