CREATE TABLE `source_reliability` (
	`entity_id` integer PRIMARY KEY NOT NULL,
	`grade` text NOT NULL,
	`note` text,
	`set_by_token_id` integer,
	`set_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "source_reliability_grade_check" CHECK("source_reliability"."grade" in ('A', 'B', 'C', 'D', 'E', 'F'))
);
--> statement-breakpoint
CREATE TABLE `source_reliability_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`previous` text NOT NULL,
	`grade` text NOT NULL,
	`note` text,
	`token_id` integer,
	`changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `source_reliability_changes_entity_idx` ON `source_reliability_changes` (`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `statement_about` (
	`entity_id` integer NOT NULL,
	`statement_id` integer NOT NULL,
	`last_said` text NOT NULL,
	PRIMARY KEY(`entity_id`, `statement_id`),
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `statement_about_entity_idx` ON `statement_about` (`entity_id`,`last_said`,`statement_id`);--> statement-breakpoint
CREATE INDEX `statement_about_statement_idx` ON `statement_about` (`statement_id`);--> statement-breakpoint
CREATE TABLE `statement_conflicts` (
	`statement_id` integer NOT NULL,
	`other_id` integer NOT NULL,
	`why` text NOT NULL,
	PRIMARY KEY(`statement_id`, `other_id`),
	FOREIGN KEY (`statement_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_id`) REFERENCES `statements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `statement_conflicts_other_idx` ON `statement_conflicts` (`other_id`);--> statement-breakpoint
CREATE TABLE `statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_said` text NOT NULL,
	`last_said` text NOT NULL,
	`event_date` text,
	`claims` integer DEFAULT 0 NOT NULL,
	`independent_sources` integer DEFAULT 0 NOT NULL,
	`affirming` integer DEFAULT 0 NOT NULL,
	`denying` integer DEFAULT 0 NOT NULL,
	`contested` integer DEFAULT false NOT NULL,
	`credibility` integer DEFAULT 6 NOT NULL,
	`credibility_reason` text DEFAULT '' NOT NULL,
	`curated` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "statements_credibility_check" CHECK("statements"."credibility" between 1 and 6)
);
--> statement-breakpoint
CREATE INDEX `statements_last_said_idx` ON `statements` (`last_said`,`id`);--> statement-breakpoint
ALTER TABLE `claims` ADD `statement_id` integer REFERENCES statements(id);--> statement-breakpoint
CREATE INDEX `claims_statement_idx` ON `claims` (`statement_id`);