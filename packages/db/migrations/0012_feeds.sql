CREATE TABLE `feeds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`checked_at` text NOT NULL,
	`last_status` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_url_idx` ON `feeds` (`url`);--> statement-breakpoint
CREATE INDEX `articles_url_idx` ON `articles` (`url`);