PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_entities` (
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
	`review_status` text DEFAULT 'confirmed' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`affiliation_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`operator_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`host_country_id`) REFERENCES `entities`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "entities_kind_check" CHECK("__new_entities"."kind" in ('actor', 'installation')),
	CONSTRAINT "entities_latitude_check" CHECK("__new_entities"."latitude" is null or "__new_entities"."latitude" between -90 and 90),
	CONSTRAINT "entities_longitude_check" CHECK("__new_entities"."longitude" is null or "__new_entities"."longitude" between -180 and 180),
	CONSTRAINT "entities_review_check" CHECK("__new_entities"."review_status" in ('candidate', 'confirmed', 'rejected'))
);
--> statement-breakpoint
INSERT INTO `__new_entities`("id", "kind", "name", "description", "actor_type", "affiliation_id", "role", "installation_type", "place", "region", "country", "latitude", "longitude", "operator_id", "host_country_id", "review_status", "created_at") SELECT "id", "kind", "name", "description", "actor_type", "affiliation_id", "role", "installation_type", "place", "region", "country", "latitude", "longitude", "operator_id", "host_country_id", "review_status", "created_at" FROM `entities`;--> statement-breakpoint
DROP TABLE `entities`;--> statement-breakpoint
ALTER TABLE `__new_entities` RENAME TO `entities`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `entities_kind_idx` ON `entities` (`kind`,`name`);