CREATE TABLE `entity_claim_stats` (
	`entity_id` integer PRIMARY KEY NOT NULL,
	`claims` integer NOT NULL,
	`sources` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `entity_sources` (
	`entity_id` integer NOT NULL,
	`source_key` text NOT NULL,
	`claims` integer NOT NULL,
	PRIMARY KEY(`entity_id`, `source_key`)
);
--> statement-breakpoint
ALTER TABLE `claim_about` ADD `source_key` text DEFAULT '' NOT NULL;