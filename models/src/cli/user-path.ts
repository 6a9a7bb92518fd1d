import path from 'node:path';

/**
 * Resolves a path the user typed. pnpm runs package scripts in the package directory, so
 * `pnpm score trace.jsonl` from the repository root would look in `models/`; pnpm keeps the directory
 * it was started from in `INIT_CWD`.
 */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
