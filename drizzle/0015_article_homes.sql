CREATE TABLE `article_homes` (
	`id` integer PRIMARY KEY NOT NULL,
	`webhook_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`shard` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `article_homes_webhook_id` ON `article_homes` (`webhook_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `article_homes_content_hash` ON `article_homes` (`content_hash`);