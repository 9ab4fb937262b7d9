/**
 * Why an extraction attempt failed, as a typed value: a stable `code`, a short `message` readers
 * may see (the article's `error`), and the raw `detail` (a D1 message, a stage's exception) kept
 * for operators in `error_detail` and the log, never served.
 */
import type { ArticleErrorCode } from "../db/schema";
import type { StageError } from "../extract";

export interface ArticleFailure {
  code: ArticleErrorCode;
  message: string;
  detail: string;
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** A stage of the extractor threw: the partial summary is not stored. */
export function stageFailure(errors: StageError[]): ArticleFailure {
  const stages = [...new Set(errors.map((e) => e.stage))].join(", ");
  return {
    code: "extraction_failed",
    message: `The extractor failed (stage: ${stages}).`,
    detail: errors.map((e) => `${e.stage}: ${e.message}`).join("\n"),
  };
}

/** D1 refused the summary's write batch (or the read before it). */
export function storageFailure(e: unknown): ArticleFailure {
  return { code: "storage_failed", message: "The summary could not be written to the database.", detail: errorText(e) };
}

/** Anything else: the message stays generic, the detail keeps the cause. */
export function internalFailure(e: unknown): ArticleFailure {
  return { code: "internal", message: "Extraction failed unexpectedly.", detail: errorText(e) };
}
