CREATE TABLE `training_events` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`user_id` text NOT NULL,
	`session_id` text NOT NULL,
	`at` integer NOT NULL,
	`event_type` text NOT NULL,
	`event` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `training_events_tenant_at_idx` ON `training_events` (`tenant_id`,`at`);--> statement-breakpoint
CREATE INDEX `training_events_tenant_user_idx` ON `training_events` (`tenant_id`,`user_id`);