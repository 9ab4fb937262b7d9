ALTER TABLE `promise_figures` ADD `falls` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `promises` ADD `derived` text;--> statement-breakpoint
ALTER TABLE `promises` ADD `derived_verdict` text;