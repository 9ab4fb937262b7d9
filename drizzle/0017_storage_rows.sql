-- Fewer bytes per stored row (issue 14, D1 bytes per text byte), every answer the same:
-- promises_metric_key goes (the metric filter ORs the key's equality with a LIKE '%…%', which no
-- b-tree serves); promises.link_run goes (a relink deletes the rows of its groups whose targets
-- it did not write, named in the statement: src/promises/store.ts); the (published, id) indexes
-- become (published): every index ends in the rowid, which id is, so the order is the same
-- without id stored twice; figures_place and goals_place serve only the place driver's key
-- ranges (those rows are sorted after), so they hold no date.
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
-- FTS5 blocks of at most 2,030 bytes (default 4,050): two share a 4,096-byte page (2 × (2,030 +
-- 12 bytes of cell) + 4 of pointers + 8 of header), where a 4,050-byte block takes a page
-- alone. Posting the 114 shared texts in eight orders, the trigram index plus the free pages
-- its merges leave behind came to 4.1 MB on average at 4,050 and 3.8 MB at 2,030. It applies to
-- the blocks written from now on; older segments take it as they are merged.
INSERT INTO `article_text_fts` (`article_text_fts`, rank) VALUES ('pgsz', 2030);--> statement-breakpoint
INSERT INTO `article_metric_fts` (`article_metric_fts`, rank) VALUES ('pgsz', 2030);
