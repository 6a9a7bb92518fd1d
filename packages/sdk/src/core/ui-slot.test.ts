import { describe, expect, it } from 'vitest';
import type { OnboardingUi } from '../ui/types';
import { deferred } from './fixtures';
import { createUiSlot } from './ui-slot';

function recordingUi(log: string[]): OnboardingUi {
  return {
    step: (s) => log.push(`step ${s?.id ?? null}`),
    progress: (done, total) => log.push(`progress ${done}/${total}`),
    intervention: () => {},
    help: () => {},
    helpChunk: () => {},
    teardown: () => log.push('teardown'),
  };
}

describe('createUiSlot', () => {
  it('loads the UI once, on the first thing to show, and does in order what was asked meanwhile', async () => {
    const log: string[] = [];
    const load = deferred<OnboardingUi | undefined>();
    let loads = 0;
    const slot = createUiSlot(() => {
      loads++;
      return load.promise;
    });
    expect(loads).toBe(0);
    slot.run((u) => u.step(null));
    slot.run((u) => u.progress(1, 3));
    load.resolve(recordingUi(log));
    await load.promise;
    await Promise.resolve();
    slot.run((u) => u.progress(2, 3));
    await Promise.resolve();
    expect(loads).toBe(1);
    expect(log).toEqual(['step null', 'progress 1/3', 'progress 2/3']);
  });

  it('takes the UI off the page on teardown, and nothing asked before it loaded is done after', async () => {
    const log: string[] = [];
    const load = deferred<OnboardingUi | undefined>();
    const slot = createUiSlot(() => load.promise);
    slot.run((u) => u.progress(1, 3));
    slot.teardown();
    slot.run((u) => u.progress(2, 3));
    load.resolve(recordingUi(log));
    await load.promise;
    await Promise.resolve();
    expect(log).toEqual(['teardown']);
  });

  it('does nothing when there is no UI to be had', async () => {
    const slot = createUiSlot(async () => undefined);
    let ran = false;
    slot.run(() => {
      ran = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    slot.teardown();
    expect(ran).toBe(false);
  });
});
