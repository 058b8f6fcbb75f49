CREATE TABLE `entity_statement_stats` (
	`entity_id` integer PRIMARY KEY NOT NULL,
	`statements` integer NOT NULL,
	`contested` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `statement_about` ADD `contested` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `statement_about_contested_idx` ON `statement_about` (`entity_id`,`contested`,`last_said`,`statement_id`);