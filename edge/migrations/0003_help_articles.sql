CREATE TABLE `help_articles` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`url` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `help_embeddings` (
	`tenant_id` text NOT NULL,
	`article_id` text NOT NULL,
	`model` text NOT NULL,
	`content_hash` text NOT NULL,
	`vector` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `article_id`)
);
