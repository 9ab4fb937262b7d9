ALTER TABLE `articles` ADD `error_code` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `error_detail` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `warnings` text;