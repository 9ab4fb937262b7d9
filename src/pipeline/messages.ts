/** What the ingest route, the cron sweep and the admin endpoint put on the extraction queue. */
export interface ExtractMessage {
  articleId: number;
  /** Re-extract even when the stored summary is already from the current extractor version. */
  force?: boolean;
}
