CREATE TABLE `admin_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`member_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`via` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `admin_sessions_member_idx` ON `admin_sessions` (`member_id`);--> statement-breakpoint
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
CREATE INDEX `flow_publishes_flow_idx` ON `flow_publishes` (`tenant_id`,`flow_id`,`at`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`password_hash` text,
	`invitation_hash` text,
	`invitation_expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_tenant_email_idx` ON `members` (`tenant_id`,`email`);--> statement-breakpoint
CREATE INDEX `members_invitation_idx` ON `members` (`invitation_hash`);--> statement-breakpoint
CREATE TABLE `tenant_access` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`team_domain` text NOT NULL,
	`audience` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tenant_targeting` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`revision` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_traits` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`traits` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`)
);
