import type { ServerMessage } from '@smart-onboarding/protocol';
import { TokenBucket } from '../middleware/rate-limit/token-bucket';
import type { JourneyOwner } from './owner';
import { SOCKET_HEADERS, type SocketAttachment, WS_MAX_SOCKETS, WS_RATE } from './socket';

type ErrorCode = Extract<ServerMessage, { type: 'error' }>['error']['code'];

/**
 * The user's open tabs: hibernatable WebSockets accepted by the journey object, each with its owner in a
 * serialized attachment (so it survives hibernation), sharing one message budget.
 *
 * @example
 * const hub = new SocketHub(ctx);
 * hub.broadcast({ type: 'next_step', step, variantId });
 */
export class SocketHub {
  /**
   * The user's message budget, shared by all of their sockets (the object is one user's): in memory, so
   * a hibernated object starts with a full bucket.
   */
  private bucket = new TokenBucket(WS_RATE.burst, WS_RATE.perSecond);

  constructor(private readonly state: DurableObjectState) {}

  /** Whether any tab is open. */
  get anyOpen(): boolean {
    return this.state.getWebSockets().length > 0;
  }

  /** Whose tab an upgrade is for: the socket route has authenticated it and named the owner in headers. */
  static ownerOf(request: Request): { owner: JourneyOwner; sessionId: string } {
    return {
      owner: {
        tenantId: request.headers.get(SOCKET_HEADERS.tenant) ?? '',
        userId: request.headers.get(SOCKET_HEADERS.user) ?? '',
      },
      sessionId: request.headers.get(SOCKET_HEADERS.session) ?? '',
    };
  }

  /**
   * Accepts a tab's WebSocket as hibernatable, remembering whose it is; answers the 101. Past
   * `WS_MAX_SOCKETS` the oldest sockets are closed (1008), so a flood of sockets holds no more than that.
   */
  accept(owner: JourneyOwner, sessionId: string): Response {
    const open = this.state
      .getWebSockets()
      .map((ws) => ({ ws, at: (ws.deserializeAttachment() as SocketAttachment | null)?.openedAt ?? 0 }))
      .sort((a, b) => a.at - b.at);
    for (const { ws } of open.slice(0, Math.max(0, open.length - WS_MAX_SOCKETS + 1))) {
      try {
        ws.close(1008, `at most ${WS_MAX_SOCKETS} sockets per user`);
      } catch {
        // already closing
      }
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.state.acceptWebSocket(server, sessionId ? [sessionId] : []);
    server.serializeAttachment({
      ...owner,
      sessionId,
      socketId: crypto.randomUUID(),
      openedAt: Date.now(),
    } satisfies SocketAttachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * The owner of a message's socket when the socket may send it now; otherwise answers the socket with
   * the error (no owner, or over its budget) and returns null.
   */
  admit(ws: WebSocket, now: number): JourneyOwner | null {
    const attachment = ws.deserializeAttachment() as SocketAttachment | null;
    if (!attachment) {
      this.sendError(ws, 'unauthorized', 'this socket has no owner');
      return null;
    }
    if (!this.bucket.take(now)) {
      this.sendError(ws, 'rate_limited', `at most ${WS_RATE.perSecond} messages a second; send again later`);
      return null;
    }
    return { tenantId: attachment.tenantId, userId: attachment.userId };
  }

  send(ws: WebSocket, message: ServerMessage): void {
    try {
      ws.send(JSON.stringify(message));
    } catch {
      // closed meanwhile
    }
  }

  sendError(ws: WebSocket, code: ErrorCode, message: string, details?: unknown): void {
    this.send(ws, {
      type: 'error',
      error: details === undefined ? { code, message } : { code, message, details },
    });
  }

  /** Sends to every open tab of the user. */
  broadcast(message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const ws of this.state.getWebSockets()) {
      try {
        ws.send(text);
      } catch {
        // A socket closing as we send is not an error of the sender.
      }
    }
  }

  /** A tab went away: the close is answered (the user's budget stays, whatever socket spent it). */
  closed(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  closeAll(reason: string): void {
    for (const ws of this.state.getWebSockets()) ws.close(1000, reason);
    this.bucket = new TokenBucket(WS_RATE.burst, WS_RATE.perSecond);
  }
}
