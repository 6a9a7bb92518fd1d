CREATE TABLE `flow_drafts` (
	`tenant_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`definition` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `flow_id`)
);
--> statement-breakpoint
CREATE TABLE `flow_publishes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`flow_id` text NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`source` integer NOT NULL,
	`actor` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `flow_publishes_flow_idx` ON `flow_publishes` (`tenant_id`,`flow_id`,`at`);