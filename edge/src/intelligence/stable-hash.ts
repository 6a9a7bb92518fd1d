/**
 * FNV-1a over UTF-16 code units with murmur3's finaliser, as a number in [0, 1). Stable across runtimes and deploys, so a user
 * lands in the same holdout group on every request and every Durable Object restart.
 *
 * @example
 * const inHoldout = unitHash(`holdout:v1:${userId}`) < 0.1;
 */
export function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // murmur3's finaliser: FNV alone leaves ids that differ in one trailing digit too close together.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
