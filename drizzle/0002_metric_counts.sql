CREATE TABLE `metric_counts` (
	`metric` text NOT NULL,
	`kind` text NOT NULL,
	`place_key` text DEFAULT '' NOT NULL,
	`figures` integer NOT NULL,
	PRIMARY KEY(`metric`, `kind`, `place_key`)
);
--> statement-breakpoint
CREATE INDEX `metric_counts_place` ON `metric_counts` (`place_key`,`kind`);