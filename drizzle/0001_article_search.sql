-- Full-text search over article title, text and extracted metrics (FTS5, trigram tokenizer, so
-- Chinese needs no word segmentation; MATCH needs terms of at least 3 characters, shorter ones
-- fall back to LIKE on the same table). rowid = articles.id; rows are written by the extraction
-- pipeline in the same batch as the figures.
CREATE VIRTUAL TABLE `article_search` USING fts5(`title`, `body`, `metrics`, tokenize='trigram');
