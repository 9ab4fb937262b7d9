/** What the ingest route (and the cron) puts on the extraction queue. */
export interface ExtractMessage {
  articleId: number;
}
