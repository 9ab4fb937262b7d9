-- Fewer bytes per stored row (issue 14, D1 bytes per text byte), every answer the same:
-- promises_metric_key goes (the metric filter ORs the key's equality with a LIKE '%…%', which no
-- b-tree serves); promises.link_run goes (a relink deletes the rows of its groups whose targets
-- it did not write, named in the statement: src/promises/store.ts); the (published, id) indexes
-- become (published): every index ends in the rowid, which id is, so the order is the same
-- without id stored twice; figures_place and goals_place serve only the place driver's key
-- ranges (those rows are sorted after), so they hold no date; three narrow key tables become
-- WITHOUT ROWID; the keyword indexes hold bigrams instead of trigrams (at the end).
DROP INDEX `promises_metric_key`;--> statement-breakpoint
DROP INDEX `promises_period`;--> statement-breakpoint
CREATE INDEX `promises_period` ON `promises` (`period`);--> statement-breakpoint
ALTER TABLE `promises` DROP COLUMN `link_run`;--> statement-breakpoint
DROP INDEX `articles_published`;--> statement-breakpoint
CREATE INDEX `articles_published` ON `articles` (`published`);--> statement-breakpoint
DROP INDEX `figures_place`;--> statement-breakpoint
DROP INDEX `figures_published`;--> statement-breakpoint
CREATE INDEX `figures_place` ON `figures` (`place_key`);--> statement-breakpoint
CREATE INDEX `figures_published` ON `figures` (`published`);--> statement-breakpoint
DROP INDEX `goals_place`;--> statement-breakpoint
DROP INDEX `goals_published`;--> statement-breakpoint
CREATE INDEX `goals_place` ON `goals` (`place_key`);--> statement-breakpoint
CREATE INDEX `goals_published` ON `goals` (`published`);--> statement-breakpoint
-- Narrow key tables WITHOUT ROWID (drizzle cannot declare it; see metric_counts in 0009): the
-- primary key's b-tree is the table, instead of a rowid table plus an automatic index holding
-- the same key again. Each is rebuilt under its own name (copy out, drop, create, copy back).
-- promise_figures' rowid was the promise linker's fingerprint of a group; it now reads the
-- figures' ids (src/promises/store.ts).
CREATE TABLE `goal_figures_copy` AS SELECT `goal_id`, `figure_id` FROM `goal_figures`;--> statement-breakpoint
DROP TABLE `goal_figures`;--> statement-breakpoint
CREATE TABLE `goal_figures` (
	`goal_id` integer NOT NULL,
	`figure_id` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `figure_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`figure_id`) REFERENCES `figures`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `goal_figures` (`goal_id`, `figure_id`) SELECT `goal_id`, `figure_id` FROM `goal_figures_copy`;--> statement-breakpoint
DROP TABLE `goal_figures_copy`;--> statement-breakpoint
CREATE INDEX `goal_figures_figure` ON `goal_figures` (`figure_id`);--> statement-breakpoint
CREATE TABLE `promise_figures_copy` AS SELECT * FROM `promise_figures`;--> statement-breakpoint
DROP TABLE `promise_figures`;--> statement-breakpoint
CREATE TABLE `promise_figures` (
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`place` text NOT NULL,
	`period` text NOT NULL,
	`direction` text,
	`flow` integer NOT NULL,
	`stock` integer NOT NULL,
	`multi_year` integer NOT NULL,
	`falls` integer DEFAULT false NOT NULL,
	`list_pos` integer,
	`list_size` integer,
	PRIMARY KEY(`article_id`, `seq`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `promise_figures` (`article_id`, `seq`, `place`, `period`, `direction`, `flow`, `stock`, `multi_year`, `falls`, `list_pos`, `list_size`)
  SELECT `article_id`, `seq`, `place`, `period`, `direction`, `flow`, `stock`, `multi_year`, `falls`, `list_pos`, `list_size` FROM `promise_figures_copy`;--> statement-breakpoint
DROP TABLE `promise_figures_copy`;--> statement-breakpoint
CREATE INDEX `promise_figures_group` ON `promise_figures` (`place`,`period`);--> statement-breakpoint
CREATE TABLE `promise_coverage_copy` AS SELECT `place`, `article_id`, `reviewed_end`, `published` FROM `promise_coverage`;--> statement-breakpoint
DROP TABLE `promise_coverage`;--> statement-breakpoint
CREATE TABLE `promise_coverage` (
	`place` text NOT NULL,
	`article_id` integer NOT NULL,
	`reviewed_end` text NOT NULL,
	`published` text,
	PRIMARY KEY(`place`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `promise_coverage` (`place`, `article_id`, `reviewed_end`, `published`) SELECT `place`, `article_id`, `reviewed_end`, `published` FROM `promise_coverage_copy`;--> statement-breakpoint
DROP TABLE `promise_coverage_copy`;--> statement-breakpoint
CREATE INDEX `promise_coverage_reach` ON `promise_coverage` (`place`,`reviewed_end`);--> statement-breakpoint
-- The keyword indexes hold bigrams instead of trigrams (src/db/grams.ts): rebuilt from what the
-- trigram indexes hold, for the same articles. An article's bigrams are the first and last two
-- characters of its trigrams (read through fts5vocab; grams across punctuation come along and
-- only take room until the article is next extracted), plus those of its title and of a text
-- too short for a trigram; its metrics' bigrams come from its figures, as the pipeline writes them.
CREATE TABLE `fts_text_rows` AS SELECT rowid AS `id` FROM `article_text_fts`;--> statement-breakpoint
CREATE TABLE `fts_metric_rows` AS SELECT rowid AS `id` FROM `article_metric_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `fts_text_vocab` USING fts5vocab(`article_text_fts`, 'instance');--> statement-breakpoint
CREATE TABLE `fts_text_grams` AS
  SELECT `doc` AS `id`, substr(`term`, 1, 2) AS `g` FROM `fts_text_vocab`
  UNION SELECT `doc`, substr(`term`, 2, 2) FROM `fts_text_vocab`
  UNION SELECT `id`, `g` FROM (
    WITH RECURSIVE `s`(`id`, `str`) AS (
      SELECT `a`.`id`, coalesce(`a`.`title`, '') FROM `articles` AS `a` JOIN `fts_text_rows` AS `r` ON `r`.`id` = `a`.`id`
      UNION ALL SELECT `a`.`id`, `a`.`text` FROM `articles` AS `a` JOIN `fts_text_rows` AS `r` ON `r`.`id` = `a`.`id` WHERE length(`a`.`text`) < 3),
    `p`(`id`, `str`, `i`) AS (
      SELECT `id`, `str`, 1 FROM `s` WHERE length(`str`) >= 2
      UNION ALL SELECT `id`, `str`, `i` + 1 FROM `p` WHERE `i` + 2 <= length(`str`))
    SELECT `id`, substr(`str`, `i`, 2) AS `g` FROM `p`);--> statement-breakpoint
CREATE INDEX `fts_text_grams_id` ON `fts_text_grams` (`id`, unicode(`g`) % 3);--> statement-breakpoint
CREATE TABLE `fts_metric_grams` AS
  WITH RECURSIVE `m`(`id`, `str`) AS (
    SELECT `f`.`article_id`, `f`.`metric` FROM `figures` AS `f` JOIN `fts_metric_rows` AS `r` ON `r`.`id` = `f`.`article_id` WHERE `f`.`metric` IS NOT NULL
    UNION SELECT `f`.`article_id`, `f`.`metric_key` FROM `figures` AS `f` JOIN `fts_metric_rows` AS `r` ON `r`.`id` = `f`.`article_id` WHERE `f`.`metric_key` IS NOT NULL),
  `p`(`id`, `str`, `i`) AS (
    SELECT `id`, `str`, 1 FROM `m` WHERE length(`str`) >= 2
    UNION ALL SELECT `id`, `str`, `i` + 1 FROM `p` WHERE `i` + 2 <= length(`str`))
  SELECT DISTINCT `id`, substr(`str`, `i`, 2) AS `g` FROM `p`;--> statement-breakpoint
CREATE INDEX `fts_metric_grams_id` ON `fts_metric_grams` (`id`);--> statement-breakpoint
DROP TABLE `fts_text_vocab`;--> statement-breakpoint
DROP TABLE `article_text_fts`;--> statement-breakpoint
DROP TABLE `article_metric_fts`;--> statement-breakpoint
-- Three columns: a 2 MB text can hold more distinct grams than one bound value may (grams.ts).
CREATE VIRTUAL TABLE `article_text_fts` USING fts5(`g1`, `g2`, `g3`, tokenize='unicode61 remove_diacritics 0', detail='none', content='', contentless_delete=1);--> statement-breakpoint
CREATE VIRTUAL TABLE `article_metric_fts` USING fts5(`grams`, tokenize='unicode61 remove_diacritics 0', detail='none', content='', contentless_delete=1);--> statement-breakpoint
-- automerge=2 as in 0008 (fewer, larger segments repeat each gram less).
INSERT INTO `article_text_fts` (`article_text_fts`, rank) VALUES ('automerge', 2);--> statement-breakpoint
INSERT INTO `article_metric_fts` (`article_metric_fts`, rank) VALUES ('automerge', 2);--> statement-breakpoint
INSERT INTO `article_text_fts` (rowid, `g1`, `g2`, `g3`)
  SELECT `r`.`id`,
    (SELECT coalesce(group_concat(`g`, ' '), '') FROM `fts_text_grams` AS `c` WHERE `c`.`id` = `r`.`id` AND unicode(`c`.`g`) % 3 = 0),
    (SELECT coalesce(group_concat(`g`, ' '), '') FROM `fts_text_grams` AS `c` WHERE `c`.`id` = `r`.`id` AND unicode(`c`.`g`) % 3 = 1),
    (SELECT coalesce(group_concat(`g`, ' '), '') FROM `fts_text_grams` AS `c` WHERE `c`.`id` = `r`.`id` AND unicode(`c`.`g`) % 3 = 2)
  FROM `fts_text_rows` AS `r`;--> statement-breakpoint
INSERT INTO `article_metric_fts` (rowid, `grams`)
  SELECT `r`.`id`, (SELECT coalesce(group_concat(`g`, ' '), '') FROM `fts_metric_grams` AS `c` WHERE `c`.`id` = `r`.`id`) FROM `fts_metric_rows` AS `r`;--> statement-breakpoint
DROP TABLE `fts_text_grams`;--> statement-breakpoint
DROP TABLE `fts_metric_grams`;--> statement-breakpoint
DROP TABLE `fts_text_rows`;--> statement-breakpoint
DROP TABLE `fts_metric_rows`;
