import { uuid } from '../transport/ids';
import { SESSION_KEY } from './storage-keys';

/**
 * The id of this tab's session, kept in sessionStorage: a reload continues the session, a new tab starts
 * its own. Where storage is refused (sandboxed frame, strict privacy mode) the session lasts as long as the
 * page: `current` is kept, or a new id made. Called only with consent (it writes).
 *
 * @example
 * sessionId = restoreSession(sessionId);
 */
export function restoreSession(
  current: string,
  storage?: Pick<Storage, 'getItem' | 'setItem'>,
  newId: () => string = uuid,
): string {
  try {
    // Merely reading `sessionStorage` throws where storage is blocked.
    const s = storage ?? sessionStorage;
    const id = s.getItem(SESSION_KEY) ?? newId();
    s.setItem(SESSION_KEY, id);
    return id;
  } catch {
    return current || newId();
  }
}
