CREATE TABLE `aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_id` integer NOT NULL,
	`name` text NOT NULL,
	`normalized` text NOT NULL,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `aliases_normalized_idx` ON `aliases` (`normalized`);--> statement-breakpoint
CREATE INDEX `aliases_entity_idx` ON `aliases` (`entity_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_idx` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`published_at` text NOT NULL,
	`dateline` text,
	`outlet` text,
	`url` text,
	`text` text NOT NULL,
	`word_count` integer NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_content_hash_idx` ON `articles` (`content_hash`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `claim_about` (
	`claim_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`role` text DEFAULT 'subject' NOT NULL,
	`said_on` text NOT NULL,
	PRIMARY KEY(`claim_id`, `entity_id`),
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `claim_about_entity_idx` ON `claim_about` (`entity_id`,`said_on`,`claim_id`);--> statement-breakpoint
CREATE TABLE `claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`quote` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`source_text` text,
	`source_actor_id` integer,
	`source_count` integer,
	`source_anonymous` integer DEFAULT false NOT NULL,
	`stance` text NOT NULL,
	`hedged` integer DEFAULT false NOT NULL,
	`event_date` text,
	`said_on` text NOT NULL,
	`review_status` text DEFAULT 'extracted' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_actor_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "claims_span_check" CHECK("claims"."start" >= 0 and "claims"."end" >= "claims"."start"),
	CONSTRAINT "claims_stance_check" CHECK("claims"."stance" in ('affirms', 'denies', 'no_comment')),
	CONSTRAINT "claims_review_check" CHECK("claims"."review_status" in ('extracted', 'verified', 'rejected'))
);
--> statement-breakpoint
CREATE INDEX `claims_article_idx` ON `claims` (`article_id`,`start`);--> statement-breakpoint
CREATE INDEX `claims_said_on_idx` ON `claims` (`said_on`,`id`);--> statement-breakpoint
CREATE INDEX `claims_source_actor_idx` ON `claims` (`source_actor_id`,`said_on`);--> statement-breakpoint
CREATE TABLE `entities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`actor_type` text,
	`affiliation_id` integer,
	`role` text,
	`installation_type` text,
	`place` text,
	`region` text,
	`country` text,
	`latitude` real,
	`longitude` real,
	`operator_id` integer,
	`host_country_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`affiliation_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`operator_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`host_country_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "entities_kind_check" CHECK("entities"."kind" in ('actor', 'installation')),
	CONSTRAINT "entities_latitude_check" CHECK("entities"."latitude" is null or "entities"."latitude" between -90 and 90),
	CONSTRAINT "entities_longitude_check" CHECK("entities"."longitude" is null or "entities"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE INDEX `entities_kind_idx` ON `entities` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`entity_id` integer NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entity_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "mentions_span_check" CHECK("mentions"."start" >= 0 and "mentions"."end" > "mentions"."start")
);
--> statement-breakpoint
CREATE INDEX `mentions_article_idx` ON `mentions` (`article_id`,`start`);--> statement-breakpoint
CREATE INDEX `mentions_entity_idx` ON `mentions` (`entity_id`,`article_id`);