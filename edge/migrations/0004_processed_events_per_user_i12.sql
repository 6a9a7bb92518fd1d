PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_processed_events` (
	`tenant_id` text NOT NULL,
	`user_id` text DEFAULT '' NOT NULL,
	`event_id` text NOT NULL,
	`processed_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`, `event_id`)
);
--> statement-breakpoint
INSERT INTO `__new_processed_events`("tenant_id", "user_id", "event_id", "processed_at") SELECT "tenant_id", '', "event_id", "processed_at" FROM `processed_events`;--> statement-breakpoint
DROP TABLE `processed_events`;--> statement-breakpoint
ALTER TABLE `__new_processed_events` RENAME TO `processed_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `processed_events_at_idx` ON `processed_events` (`processed_at`);--> statement-breakpoint
CREATE TABLE `__new_training_events` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`at` integer NOT NULL,
	`event_type` text NOT NULL,
	`event` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`, `event_id`)
);
--> statement-breakpoint
INSERT INTO `__new_training_events`("tenant_id", "event_id", "user_id", "session_id", "at", "event_type", "event") SELECT "tenant_id", "event_id", "user_id", "session_id", "at", "event_type", "event" FROM `training_events`;--> statement-breakpoint
DROP TABLE `training_events`;--> statement-breakpoint
ALTER TABLE `__new_training_events` RENAME TO `training_events`;--> statement-breakpoint
CREATE INDEX `training_events_tenant_at_idx` ON `training_events` (`tenant_id`,`at`);--> statement-breakpoint
CREATE INDEX `training_events_tenant_user_idx` ON `training_events` (`tenant_id`,`user_id`);