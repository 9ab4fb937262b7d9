CREATE TABLE `shard_directory` (
	`bucket` text NOT NULL,
	`shard` text NOT NULL,
	PRIMARY KEY(`bucket`, `shard`)
);
