ALTER TABLE `figures` ADD `sentence_at` integer;--> statement-breakpoint
ALTER TABLE `figures` ADD `sentence_chars` integer;--> statement-breakpoint
-- Hand-added between drizzle's ADD and DROP: each stored sentence becomes its span of the article
-- text. Any occurrence gives the same characters, so the first one in a window around the figure
-- is taken (the extractor's sentences reach at most ~200 characters before the figure), else the
-- first in the whole text. A sentence found nowhere (never, for verbatim sentences) is left null
-- and its article marked for re-extraction by the sweep (extractor_version NULL).
UPDATE `figures` SET
  `sentence_chars` = length(`sentence`),
  `sentence_at` = (
    SELECT coalesce(
      nullif(instr(substr(a.`text`, max(1, `figures`.`start` - 299), 600 + length(`figures`.`sentence`)), `figures`.`sentence`), 0) + max(1, `figures`.`start` - 299) - 2,
      nullif(instr(a.`text`, `figures`.`sentence`), 0) - 1)
    FROM `articles` AS a WHERE a.`id` = `figures`.`article_id`)
WHERE `sentence` IS NOT NULL;--> statement-breakpoint
UPDATE `articles` SET `extractor_version` = NULL
WHERE `id` IN (SELECT `article_id` FROM `figures` WHERE `sentence` IS NOT NULL AND `sentence_at` IS NULL);--> statement-breakpoint
UPDATE `figures` SET `sentence_chars` = NULL WHERE `sentence_at` IS NULL;--> statement-breakpoint
ALTER TABLE `figures` DROP COLUMN `sentence`;