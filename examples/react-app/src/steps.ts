import type { ChecklistItem } from '@smart-onboarding/widgets';

/** The workspace's own onboarding steps: each is done by a real action in the app, never by a Next button. */
export const STEPS = [
  {
    id: 'invite-teammates',
    title: 'Invite a teammate',
    description: 'Work is better together: add someone by email.',
    goal: 'teammate_invited',
  },
  {
    id: 'create-project',
    title: 'Create your first project',
    description: 'Projects hold your team’s tasks and docs.',
    goal: 'project_created',
  },
  {
    id: 'connect-integration',
    title: 'Connect an integration',
    description: 'Slack, GitHub or Linear, so updates flow in.',
    goal: 'integration_connected',
  },
] as const;

export type StepId = (typeof STEPS)[number]['id'];

/** Checklist items for the steps, marked done from the set of completed ids. */
export function checklistItems(done: ReadonlySet<StepId>): ChecklistItem[] {
  return STEPS.map(({ id, title, description }) => ({ id, title, description, done: done.has(id) }));
}
