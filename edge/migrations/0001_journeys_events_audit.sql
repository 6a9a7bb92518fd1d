CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`key_id` text NOT NULL,
	`action` text NOT NULL,
	`resource` text NOT NULL,
	`at` integer NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_tenant_at_idx` ON `audit_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `dead_letters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`queue` text NOT NULL,
	`reason` text NOT NULL,
	`body` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `engagement_daily` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`step_id` text NOT NULL,
	`day` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`signals` integer DEFAULT 0 NOT NULL,
	`struggle_reports` integer DEFAULT 0 NOT NULL,
	`max_struggle_score` real DEFAULT 0 NOT NULL,
	`time_spent_ms` integer DEFAULT 0 NOT NULL,
	`clicks` integer DEFAULT 0 NOT NULL,
	`step_actions` integer DEFAULT 0 NOT NULL,
	`intervention_responses` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`, `step_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `engagement_daily_tenant_day_idx` ON `engagement_daily` (`tenant_id`,`day`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`step_id` text,
	`summary` text NOT NULL,
	`ticket` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `escalations_tenant_status_idx` ON `escalations` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `flow_versions` (
	`tenant_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by_key_id` text,
	PRIMARY KEY(`tenant_id`, `flow_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `flows` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`latest_version` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`journey_id` text NOT NULL,
	`step_id` text,
	`kind` text NOT NULL,
	`holdout` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`outcome` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `interventions_tenant_idx` ON `interventions` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `journey_summaries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`flow_version` integer NOT NULL,
	`status` text NOT NULL,
	`current_step_id` text,
	`steps_completed` integer DEFAULT 0 NOT NULL,
	`steps_skipped` integer DEFAULT 0 NOT NULL,
	`interventions` integer DEFAULT 0 NOT NULL,
	`predicted_success_rate` real NOT NULL,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `journey_summaries_tenant_flow_idx` ON `journey_summaries` (`tenant_id`,`flow_id`,`status`);--> statement-breakpoint
CREATE INDEX `journey_summaries_tenant_user_idx` ON `journey_summaries` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `processed_events` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`processed_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `event_id`)
);
--> statement-breakpoint
CREATE INDEX `processed_events_at_idx` ON `processed_events` (`processed_at`);--> statement-breakpoint
CREATE TABLE `step_completions` (
	`journey_id` text NOT NULL,
	`step_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	PRIMARY KEY(`journey_id`, `step_id`)
);
--> statement-breakpoint
CREATE INDEX `step_completions_tenant_flow_idx` ON `step_completions` (`tenant_id`,`flow_id`,`step_id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `identity_secret` text DEFAULT '' NOT NULL;