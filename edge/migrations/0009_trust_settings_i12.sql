CREATE TABLE `tenant_escalation_webhooks` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`format` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_retention` (
	`tenant_id` text NOT NULL,
	`data_class` text NOT NULL,
	`days` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `data_class`)
);
--> statement-breakpoint
CREATE TABLE `user_consent` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`state` text NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`)
);
