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
CREATE INDEX `struggle_hotspots_tenant_day_idx` ON `struggle_hotspots_daily` (`tenant_id`,`day`);