/** Headers the socket route sets on the upgrade it forwards to the journey object; only the Worker can set them. */
export const SOCKET_HEADERS = {
  tenant: 'x-so-internal-tenant',
  user: 'x-so-internal-user',
  session: 'x-so-internal-session',
} as const;

/** What each hibernatable socket remembers across hibernation. */
export interface SocketAttachment {
  tenantId: string;
  userId: string;
  sessionId: string;
  /** This socket's own id (a tab may reconnect with the same session). */
  socketId: string;
  /** When it was accepted: past `WS_MAX_SOCKETS`, the oldest goes. Absent on sockets from older code. */
  openedAt?: number;
}

/** Open sockets one user may hold: tabs beyond it close the oldest (close code 1008), so sockets cannot multiply. */
export const WS_MAX_SOCKETS = 8;

/** A client message may carry a full event batch (256 KB of UTF-8) and a little envelope. */
export const WS_MAX_MESSAGE_CHARS = 300_000;

/**
 * Messages a user's sockets may send, all together: a burst, then a steady rate (the SDK batches, so it
 * needs far less). One budget per user, not per socket, so opening more sockets buys nothing.
 */
export const WS_RATE = { burst: 60, perSecond: 20 } as const;
