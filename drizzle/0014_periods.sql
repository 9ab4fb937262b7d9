ALTER TABLE `figures` ADD `period` text;--> statement-breakpoint
ALTER TABLE `goals` ADD `period` text;