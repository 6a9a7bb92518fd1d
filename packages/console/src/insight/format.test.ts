import { describe, expect, it } from 'vitest';
import { csvHref, duration, percent, points, pointsInterval } from './format';

describe('insight formats', () => {
  it.each([
    [0, '0.0 %'],
    [0.5, '50.0 %'],
    [1, '100.0 %'],
    [0.8571, '85.7 %'],
  ])('percent(%s) is %s', (rate, text) => expect(percent(rate)).toBe(text));

  it.each<[number | null, string]>([
    [null, '—'],
    [0, '0.0 s'],
    [4_250, '4.3 s'],
    [119_999, '120.0 s'],
    [120_000, '2.0 min'],
    [5_400_000, '90.0 min'],
  ])('duration(%s) is %s', (ms, text) => expect(duration(ms)).toBe(text));

  it('writes intervals and differences in signed points', () => {
    expect(pointsInterval([-0.328, 0.147])).toBe('−32.8 to +14.7 pts');
    expect(pointsInterval([0, 0.2])).toBe('+0.0 to +20.0 pts');
    expect(points(-0.0951)).toBe('−9.5 pts');
    expect(points(0.1)).toBe('+10.0 pts');
  });

  it('asks the same view as CSV, its parameters escaped', () => {
    expect(csvHref('/v1/analytics/flows/a/funnel', { by: 'persona', since: 0 })).toBe(
      '/v1/analytics/flows/a/funnel?by=persona&since=0&format=csv',
    );
    expect(csvHref('/v1/x', { q: 'a&b=c' })).toBe('/v1/x?q=a%26b%3Dc&format=csv');
    expect(csvHref('/v1/x')).toBe('/v1/x?format=csv');
  });
});
