CREATE TABLE `experiment_exposures` (
	`tenant_id` text NOT NULL,
	`experiment_id` text NOT NULL,
	`user_id` text NOT NULL,
	`variant` text NOT NULL,
	`journey_id` text NOT NULL,
	`exposed_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `experiment_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `experiment_exposures_variant_idx` ON `experiment_exposures` (`tenant_id`,`experiment_id`,`variant`);--> statement-breakpoint
CREATE TABLE `experiments` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`flow_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`variants` text NOT NULL,
	`salt` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`stopped_at` integer,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE INDEX `experiments_tenant_flow_status_idx` ON `experiments` (`tenant_id`,`flow_id`,`status`);--> statement-breakpoint
CREATE TABLE `struggle_hotspots_daily` (
	`tenant_id` text NOT NULL,
	`step_id` text NOT NULL,
	`element` text NOT NULL,
	`signal` text NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `step_id`, `element`, `signal`, `day`)
);
--> statement-breakpoint
CREATE INDEX `struggle_hotspots_tenant_day_idx` ON `struggle_hotspots_daily` (`tenant_id`,`day`);--> statement-breakpoint
DROP INDEX `engagement_daily_tenant_day_idx`;--> statement-breakpoint
CREATE INDEX `engagement_daily_tenant_day_cover_idx` ON `engagement_daily` (`tenant_id`,`day`,`step_id`,`user_id`,`events`,`signals`,`struggle_reports`,`max_struggle_score`,`time_spent_ms`,`clicks`,`step_actions`,`intervention_responses`);--> statement-breakpoint
DROP INDEX `journey_summaries_tenant_flow_started_idx`;--> statement-breakpoint
CREATE INDEX `journey_summaries_analysis_idx` ON `journey_summaries` (`tenant_id`,`flow_id`,`started_at`,`status`,`persona`,`arm`,`device_class`,`cohort`,`flow_version`,`time_to_complete_ms`,`id`);--> statement-breakpoint
CREATE INDEX `step_completions_tenant_journey_idx` ON `step_completions` (`tenant_id`,`journey_id`,`action`,`at`,`step_id`);