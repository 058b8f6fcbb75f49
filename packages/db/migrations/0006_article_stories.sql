CREATE TABLE `article_fingerprints` (
	`hash` integer NOT NULL,
	`article_id` integer NOT NULL,
	PRIMARY KEY(`hash`, `article_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_fingerprints_article_idx` ON `article_fingerprints` (`article_id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `story_id` integer REFERENCES articles(id);--> statement-breakpoint
CREATE INDEX `articles_story_idx` ON `articles` (`story_id`);