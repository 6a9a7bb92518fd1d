import { describe, expect, it } from 'vitest';
import { labelWindows } from '../dataset';
import { HEALTHY_KINDS, STRUGGLE_KINDS } from './episodes';
import { HELD_OUT_PERSONA_IDS, PERSONAS } from './persona';
import { POINTER_VISIBLE_STRUGGLE, simulateUserBehavior } from './simulate';

const scenario = { durationMs: 90_000, struggleRate: 0.4 };

describe('simulateUserBehavior', () => {
  it('has 32 personas, 8 of them held out, two per device', () => {
    expect(PERSONAS).toHaveLength(32);
    const held = PERSONAS.filter((p) => HELD_OUT_PERSONA_IDS.includes(p.id));
    expect(held).toHaveLength(8);
    for (const d of ['mouse', 'touchpad', 'touch', 'keyboard'])
      expect(held.filter((p) => p.device === d)).toHaveLength(2);
  });

  it('is deterministic in its seed, and different across seeds', () => {
    const p = PERSONAS[3]!;
    expect(JSON.stringify(simulateUserBehavior(p, scenario, 11))).toBe(
      JSON.stringify(simulateUserBehavior(p, scenario, 11)),
    );
    expect(JSON.stringify(simulateUserBehavior(p, scenario, 12).events)).not.toBe(
      JSON.stringify(simulateUserBehavior(p, scenario, 11).events),
    );
  });

  it.each(PERSONAS.map((p) => [p.id, p] as const))(
    '%s: events in time order, episodes back to back',
    (_id, p) => {
      const sim = simulateUserBehavior(p, scenario, 5);
      for (let i = 1; i < sim.events.length; i++)
        expect(sim.events[i]!.t).toBeGreaterThanOrEqual(sim.events[i - 1]!.t);
      for (let i = 1; i < sim.episodes.length; i++) expect(sim.episodes[i]!.t0).toBe(sim.episodes[i - 1]!.t1);
      const pointers = new Set(sim.events.flatMap((e) => ('pointer' in e ? [e.pointer] : [])));
      if (p.device === 'touch') expect(pointers).toEqual(new Set(['touch']));
      else expect(pointers.has('mouse')).toBe(true);
      if (p.device === 'keyboard')
        expect(sim.events.some((e) => e.type === 'click' && e.detail === 0)).toBe(true);
    },
  );

  it('produces every kind of episode, labelled struggle or not', () => {
    const kinds = new Set<string>();
    for (let seed = 0; seed < 12; seed++)
      for (const e of simulateUserBehavior(PERSONAS[seed % 32]!, scenario, seed).episodes) {
        kinds.add(e.kind);
        expect(e.struggle).toBe((STRUGGLE_KINDS as readonly string[]).includes(e.kind));
      }
    expect([...kinds].sort()).toEqual([...HEALTHY_KINDS, ...STRUGGLE_KINDS].sort());
  });

  it('an unresponsive target shows repeated clicks that nothing answers', () => {
    const sim = simulateUserBehavior(PERSONAS[0]!, { ...scenario, kinds: ['unresponsive_target'] }, 2);
    const clicks = sim.events.filter((e) => e.type === 'click');
    expect(clicks.length).toBeGreaterThan(5);
    expect(sim.events.filter((e) => e.type === 'mutation').length).toBeLessThan(clicks.length / 2);
  });

  it('the pointer-only view keeps pointer input without targets, and only struggle a pointer can show', () => {
    const sim = simulateUserBehavior(PERSONAS[0]!, { ...scenario, view: 'pointer-only' }, 4);
    expect(new Set(sim.events.map((e) => e.type))).toEqual(new Set(['move', 'down', 'up', 'click', 'wheel']));
    expect(sim.events.some((e) => 'target' in e)).toBe(false);
    for (const e of sim.episodes) if (e.struggle) expect(POINTER_VISIBLE_STRUGGLE).toContain(e.kind);
  });

  it('labels windows inside struggle episodes as struggle', () => {
    const sim = simulateUserBehavior(PERSONAS[0]!, { durationMs: 300_000, struggleRate: 0.5 }, 9);
    const windows = labelWindows(sim, 0);
    expect(windows.length).toBeGreaterThan(100);
    for (const w of windows) {
      const inside = sim.episodes
        .filter((e) => e.struggle)
        .reduce((ms, e) => ms + Math.max(0, Math.min(w.t1, e.t1) - Math.max(w.t0, e.t0)), 0);
      expect(w.label).toBe(inside >= 3000 ? 1 : 0);
    }
    expect(windows.some((w) => w.label === 1)).toBe(true);
    expect(windows.some((w) => w.label === 0)).toBe(true);
  });
});
