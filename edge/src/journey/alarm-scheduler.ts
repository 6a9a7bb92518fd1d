/** How soon the alarm retries work after the answer that failed (a D1 summary, an outcome not learned). */
export const RETRY_SOON_MS = 10_000;

/**
 * The journey object's one alarm, shared by everything that needs a later turn: a D1 summary to retry, an
 * outcome the flow learner has not taken yet, escalation deliveries, and the progress monitor. Each asks
 * for a time; the alarm is set for the soonest, and after each run it is set again for what is still due.
 *
 * @example
 * await alarms.armAt(Date.now() + 10_000); // unless an earlier alarm is already set
 */
export class AlarmScheduler {
  constructor(private readonly storage: DurableObjectStorage) {}

  /** Sets the alarm for `at` unless one is due sooner. */
  async armAt(at: number): Promise<void> {
    const current = await this.storage.getAlarm();
    if (current === null || current > at) await this.storage.setAlarm(at);
  }

  /** Sets the alarm for the soonest of `times`, or clears it when nothing is left to do. */
  async rearm(times: readonly number[]): Promise<void> {
    if (times.length === 0) await this.storage.deleteAlarm();
    else await this.storage.setAlarm(Math.min(...times));
  }

  async clear(): Promise<void> {
    await this.storage.deleteAlarm();
  }
}
