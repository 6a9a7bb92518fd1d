/**
 * The classes of data a tenant sets a retention for (`privacy/retention.ts`), each with its default in
 * days, used for a tenant that set none. Every table with a retention names its class: the user tables
 * in `USER_TABLES`, and the audit log.
 *
 * | class         | what                                                         | default         |
 * | ------------- | ------------------------------------------------------------ | --------------- |
 * | `events`      | engagement per day, step completions, interventions           | 395 (13 months) |
 * | `journeys`    | journey summaries (by last update), escalations, exposures    | 730             |
 * | `training`    | feature windows and outcomes kept to train the struggle model | 90              |
 * | `audit`       | the audit log of secret-key and console calls                 | 365             |
 * | `deadLetters` | messages no consumer could process                            | 30              |
 */
export const RETENTION_DEFAULT_DAYS = {
  events: 395,
  journeys: 730,
  training: 90,
  audit: 365,
  deadLetters: 30,
} as const;

export type DataClass = keyof typeof RETENTION_DEFAULT_DAYS;

export const DATA_CLASSES = Object.keys(RETENTION_DEFAULT_DAYS) as DataClass[];

/** A policy may keep data from one day up to ten years. */
export const RETENTION_MAX_DAYS = 3650;
