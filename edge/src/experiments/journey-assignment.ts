import type { FlowVersion, InitializeJourneyRequest } from '@smart-onboarding/protocol';
import type { Database } from '../adapters/d1/client';
import { runningExperiment } from '../adapters/d1/queries/experiments';
import { getFlowVersion } from '../adapters/d1/queries/flows';
import { assignVariant } from './assignment';

type Profile = InitializeJourneyRequest['profile'];

/** What a journey starts with under an experiment: the variant, its flow version, and the arm it sets. */
export interface JourneyAssignment {
  experiment: { id: string; variant: string } | null;
  flow: FlowVersion;
  profile: Profile;
}

/**
 * Puts a user starting a flow into the flow's running experiment, if there is one: the edge picks the
 * variant (`assignVariant`), so an `arm` variant overrides whatever arm the profile named (the tenant's
 * own `so_arm` included: the experiment is the tenant's later word) and a `flow_version` variant starts
 * the journey on its version of the flow. Without an experiment, the journey starts as it always did.
 */
export async function assignJourney(
  db: Database,
  tenantId: string,
  userId: string,
  latest: FlowVersion,
  profile: Profile,
): Promise<JourneyAssignment> {
  const running = await runningExperiment(db, tenantId, latest.flow.id);
  if (!running) return { experiment: null, flow: latest, profile };
  const variant = assignVariant(running, userId, running.variants);
  const experiment = { id: running.id, variant: variant.name };
  if (running.kind === 'arm' && variant.arm) {
    const traits = { ...(profile?.traits ?? {}), so_arm: variant.arm };
    return { experiment, flow: latest, profile: { ...(profile ?? {}), traits } };
  }
  if (running.kind === 'flow_version' && variant.flowVersion !== undefined) {
    const pinned =
      variant.flowVersion === latest.version
        ? latest
        : await getFlowVersion(db, tenantId, latest.flow.id, variant.flowVersion);
    // A version the experiment names always exists (checked at creation, versions are immutable).
    if (pinned) return { experiment, flow: pinned, profile };
  }
  return { experiment: null, flow: latest, profile };
}
