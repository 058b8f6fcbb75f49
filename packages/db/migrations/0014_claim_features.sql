CREATE TABLE `claim_features` (
	`claim_id` integer PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`features` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `claims`(`id`) ON UPDATE no action ON DELETE cascade
);
