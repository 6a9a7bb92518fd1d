import { describe, expect, it } from 'vitest';
import { pendingAlarmTimes } from './alarm';
import { RETRY_SOON_MS } from './alarm-scheduler';
import { MONITOR_INTERVAL_MS } from './progress-monitor';

const NOW = 1_000_000;

describe('pendingAlarmTimes', () => {
  it.each([
    { name: 'nothing to do', escalations: [], outcomePending: false, monitored: false, times: [] },
    {
      name: 'escalations due at their own times',
      escalations: [{ retryAt: NOW + 5 }, { retryAt: NOW + 1 }],
      outcomePending: false,
      monitored: false,
      times: [NOW + 5, NOW + 1],
    },
    {
      name: 'an outcome to resend',
      escalations: [],
      outcomePending: true,
      monitored: false,
      times: [NOW + RETRY_SOON_MS],
    },
    {
      name: 'a watched tab and an outcome',
      escalations: [],
      outcomePending: true,
      monitored: true,
      times: [NOW + RETRY_SOON_MS, NOW + MONITOR_INTERVAL_MS],
    },
    {
      name: 'an active journey awaits its abandonment deadline',
      escalations: [],
      outcomePending: false,
      monitored: false,
      abandonAt: NOW + 86_400_000,
      times: [NOW + 86_400_000],
    },
    {
      name: 'a deadline slept through is due now',
      escalations: [],
      outcomePending: false,
      monitored: false,
      abandonAt: NOW - 5,
      times: [NOW],
    },
  ])('$name', ({ escalations, outcomePending, monitored, abandonAt, times }) => {
    expect(
      pendingAlarmTimes({ escalations, outcomePending, monitored, abandonAt: abandonAt ?? null }, NOW),
    ).toEqual(times);
  });
});
