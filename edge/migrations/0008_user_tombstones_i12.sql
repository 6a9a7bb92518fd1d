CREATE TABLE `user_tombstones` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`deleted_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`)
);
--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `tenant_id` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `user_id` text;--> statement-breakpoint
CREATE INDEX `dead_letters_tenant_user_idx` ON `dead_letters` (`tenant_id`,`user_id`);