-- The keyword index shrinks from a full copy plus a positional index to a bare trigram index
-- (drizzle/0001 made the first one): two CONTENTLESS FTS5 tables (no second copy of the text;
-- contentless_delete lets the pipeline replace a row by rowid) with detail=none (no positions).
-- Without positions a phrase cannot be matched, so the read layer (src/db/queries/search.ts)
-- matches every trigram of a term and checks each hit against the article's own columns.
-- Metrics get their own table so a metric filter is not answered by every article whose text
-- merely names the metric. rowid = articles.id; rows are written by the extraction pipeline in
-- the same batch as the figures, for exactly the articles the old table indexed. automerge=2
-- merges segments as soon as two of a level exist (default 4): each article's batch writes one
-- segment, and fewer, larger segments repeat each trigram less (measured on the shared corpus:
-- 10% fewer pages for the text index).
CREATE VIRTUAL TABLE `article_text_fts` USING fts5(`title`, `body`, tokenize='trigram', detail='none', content='', contentless_delete=1);
--> statement-breakpoint
CREATE VIRTUAL TABLE `article_metric_fts` USING fts5(`metrics`, tokenize='trigram', detail='none', content='', contentless_delete=1);
--> statement-breakpoint
INSERT INTO `article_text_fts` (`article_text_fts`, rank) VALUES ('automerge', 2);
--> statement-breakpoint
INSERT INTO `article_metric_fts` (`article_metric_fts`, rank) VALUES ('automerge', 2);
--> statement-breakpoint
INSERT INTO `article_text_fts` (rowid, `title`, `body`) SELECT rowid, `title`, `body` FROM `article_search`;
--> statement-breakpoint
INSERT INTO `article_metric_fts` (rowid, `metrics`) SELECT rowid, `metrics` FROM `article_search` WHERE `metrics` <> '';
--> statement-breakpoint
DROP TABLE `article_search`;
