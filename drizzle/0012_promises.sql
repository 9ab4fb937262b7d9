CREATE TABLE `promise_coverage` (
	`place` text NOT NULL,
	`article_id` integer NOT NULL,
	`reviewed_end` text NOT NULL,
	`published` text,
	PRIMARY KEY(`place`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promise_coverage_reach` ON `promise_coverage` (`place`,`reviewed_end`);--> statement-breakpoint
CREATE TABLE `promise_figures` (
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`place` text NOT NULL,
	`period` text NOT NULL,
	`direction` text,
	`flow` integer NOT NULL,
	`stock` integer NOT NULL,
	`multi_year` integer NOT NULL,
	`list_pos` integer,
	`list_size` integer,
	PRIMARY KEY(`article_id`, `seq`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `promise_figures_group` ON `promise_figures` (`place`,`period`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`target_article_id` integer NOT NULL,
	`target_seq` integer NOT NULL,
	`place` text NOT NULL,
	`period` text NOT NULL,
	`period_end` text,
	`metric` text NOT NULL,
	`metric_key` text,
	`direction` text NOT NULL,
	`verdict` text NOT NULL,
	`outcome_article_id` integer,
	`outcome_seq` integer,
	`evidence` text DEFAULT '[]' NOT NULL,
	`published` text,
	`reached_at` integer NOT NULL,
	`link_run` text NOT NULL,
	FOREIGN KEY (`target_article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`outcome_article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promises_target` ON `promises` (`target_article_id`,`target_seq`);--> statement-breakpoint
CREATE INDEX `promises_group` ON `promises` (`place`,`period`);--> statement-breakpoint
CREATE INDEX `promises_open` ON `promises` (`place`,`verdict`,`period_end`);--> statement-breakpoint
CREATE INDEX `promises_metric_key` ON `promises` (`metric_key`);--> statement-breakpoint
CREATE INDEX `promises_verdict` ON `promises` (`verdict`,`reached_at`);--> statement-breakpoint
CREATE INDEX `promises_outcome` ON `promises` (`outcome_article_id`);--> statement-breakpoint
CREATE INDEX `promises_period` ON `promises` (`period`,`id`);