import { type ServerMessage, ServerMessage as ServerMessageSchema } from '@smart-onboarding/protocol';
import { expect } from 'vitest';
import { api, DEMO, hashFor } from './helpers';

/** A client socket that queues what the server sends, for tests to await message by message. */
export class TestSocket {
  private readonly inbox: ServerMessage[] = [];
  private readonly waiters: Array<(m: ServerMessage) => void> = [];
  constructor(readonly ws: WebSocket) {
    ws.accept();
    ws.addEventListener('message', (e) => {
      const message = ServerMessageSchema.parse(JSON.parse(e.data as string));
      const waiter = this.waiters.shift();
      if (waiter) waiter(message);
      else this.inbox.push(message);
    });
  }
  send(message: unknown) {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }
  next(timeoutMs = 3000): Promise<ServerMessage> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const waiter = (m: ServerMessage) => {
        clearTimeout(timer);
        resolve(m);
      };
      // A waiter that timed out must not swallow the next message.
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error('no message in time'));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }
  async request<T extends ServerMessage['type']>(message: unknown, type: T) {
    this.send(message);
    const reply = await this.next();
    expect(reply.type).toBe(type);
    return reply as Extract<ServerMessage, { type: T }>;
  }
  close() {
    this.ws.close(1000, 'done');
  }
}

/** Opens a browser tab's socket for `user` on the demo tenant. */
export async function open(user: string, extra = '') {
  const query = `key=${DEMO.publishableKey}&user=${encodeURIComponent(user)}&user_hash=${await hashFor(user)}&session=tab-1${extra}`;
  const res = await api(`/v1/socket?${query}`, {
    headers: { upgrade: 'websocket', origin: 'http://localhost:5173' },
  });
  expect(res.status).toBe(101);
  return new TestSocket(res.webSocket!);
}
