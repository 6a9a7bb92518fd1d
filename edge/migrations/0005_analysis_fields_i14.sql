ALTER TABLE `journey_summaries` ADD `persona` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `proficiency` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `arm` text DEFAULT 'smart' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `cohort` text DEFAULT 'default' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `experiment_id` text;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `experiment_variant` text;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `device_class` text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `abandoned_by` text;--> statement-breakpoint
ALTER TABLE `journey_summaries` ADD `time_to_complete_ms` integer;--> statement-breakpoint
CREATE INDEX `journey_summaries_tenant_flow_started_idx` ON `journey_summaries` (`tenant_id`,`flow_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `journey_summaries_tenant_experiment_idx` ON `journey_summaries` (`tenant_id`,`experiment_id`);