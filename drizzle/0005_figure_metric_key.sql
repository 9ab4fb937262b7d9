ALTER TABLE `figures` ADD `metric_key` text;--> statement-breakpoint
CREATE INDEX `figures_metric_key` ON `figures` (`metric_key`);