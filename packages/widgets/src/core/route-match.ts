/**
 * Whether a path pattern matches a pathname. Patterns use `:name` for one segment and a trailing `*`
 * for the rest (`/posts/:id`, `/settings/*`); trailing slashes and letter case of static segments are
 * ignored, as routers do. Pure: the tour uses it to wait for the route a step lives on.
 */
export function matchRoute(pattern: string, pathname: string): boolean {
  const want = segments(pattern);
  const have = segments(pathname);
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '*') return true;
    const h = have[i];
    if (h === undefined) return false;
    if (w.startsWith(':')) continue;
    if (w.toLowerCase() !== safeDecode(h).toLowerCase()) return false;
  }
  return want.length === have.length;
}

function segments(path: string): string[] {
  const clean = path.split(/[?#]/)[0] ?? '';
  return clean.split('/').filter((s) => s.length > 0);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
