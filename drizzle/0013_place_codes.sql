ALTER TABLE `places` ADD `code` text;--> statement-breakpoint
ALTER TABLE `places` ADD `parent_key` text;--> statement-breakpoint
ALTER TABLE `places` ADD `level` integer;--> statement-breakpoint
CREATE INDEX `places_name` ON `places` (`name`);