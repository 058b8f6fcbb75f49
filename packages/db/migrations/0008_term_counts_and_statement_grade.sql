CREATE TABLE `term_counts` (
	`term` text PRIMARY KEY NOT NULL,
	`claims` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `statements` ADD `reliability` text DEFAULT 'F' NOT NULL;