CREATE TABLE `article_places` (
	`article_id` integer NOT NULL,
	`place_key` text NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`article_id`, `place_key`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`place_key`) REFERENCES `places`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_places_place` ON `article_places` (`place_key`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` text NOT NULL,
	`content_hash` text NOT NULL,
	`raw_hash` text NOT NULL,
	`text` text NOT NULL,
	`encoding` text NOT NULL,
	`format` text NOT NULL,
	`url` text,
	`meta_title` text,
	`meta_source` text,
	`meta_published` text,
	`meta_place` text,
	`status` text DEFAULT 'received' NOT NULL,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`extractor_version` integer,
	`title` text,
	`published` text,
	`source` text,
	`received_at` integer NOT NULL,
	`extracted_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_webhook_id` ON `articles` (`webhook_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `articles_content_hash` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE INDEX `articles_status_received` ON `articles` (`status`,`received_at`);--> statement-breakpoint
CREATE INDEX `articles_extractor_version` ON `articles` (`extractor_version`);--> statement-breakpoint
CREATE INDEX `articles_published` ON `articles` (`published`,`id`);--> statement-breakpoint
CREATE TABLE `figures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`value` real NOT NULL,
	`value_max` real,
	`unit` text NOT NULL,
	`approx` text,
	`metric` text,
	`change` integer DEFAULT false NOT NULL,
	`kind` text NOT NULL,
	`sentence` text,
	`place_key` text,
	`published` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `figures_article_seq` ON `figures` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `figures_metric` ON `figures` (`metric`);--> statement-breakpoint
CREATE INDEX `figures_place` ON `figures` (`place_key`,`published`);--> statement-breakpoint
CREATE INDEX `figures_kind` ON `figures` (`kind`,`published`);--> statement-breakpoint
CREATE INDEX `figures_published` ON `figures` (`published`,`id`);--> statement-breakpoint
CREATE TABLE `goal_figures` (
	`goal_id` integer NOT NULL,
	`figure_id` integer NOT NULL,
	PRIMARY KEY(`goal_id`, `figure_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`figure_id`) REFERENCES `figures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goal_figures_figure` ON `goal_figures` (`figure_id`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`deadline` text,
	`actor` text,
	`place_key` text,
	`published` text,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goals_article_seq` ON `goals` (`article_id`,`seq`);--> statement-breakpoint
CREATE INDEX `goals_place` ON `goals` (`place_key`,`published`);--> statement-breakpoint
CREATE INDEX `goals_deadline` ON `goals` (`deadline`);--> statement-breakpoint
CREATE INDEX `goals_published` ON `goals` (`published`,`id`);--> statement-breakpoint
CREATE TABLE `places` (
	`key` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
