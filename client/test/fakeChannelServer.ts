// An in-memory WebSocket double and the server side of the channel protocol behind it: answers
// joins (or refuses them), keeps groups and presence, broadcasts sends, pushes invalidations and
// drops connections. Frames travel as JSON text, answers arrive on a later microtask.

import type { WebSocketConstructor, WebSocketLike } from '../src/socket';

type Frame = Record<string, unknown>;

/** A problem the server answers a join or a send with. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
}

export interface FakeServerOptions {
  /** Channels that keep presence. */
  presence?: string[];
  /** Refuses a join with a problem, or lets it through with `undefined`. */
  authorize?: (channel: string, params: unknown, user: string | null) => Problem | undefined;
  /** Checks a sent message; a problem is answered as an error for that ref. */
  validate?: (channel: string, data: unknown) => Problem | undefined;
  /** Connections open by themselves (default); `false` leaves it to `connection.accept()`. */
  autoOpen?: boolean;
}

interface Membership {
  channel: string;
  group: string;
}

/** One client connection as the server sees it. */
export class Connection implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Every frame the client sent, parsed. */
  readonly received: Frame[] = [];
  /** Every frame the server sent, parsed. */
  readonly pushed: Frame[] = [];
  readonly joins = new Map<string, Membership>();
  state: 'connecting' | 'open' | 'closed' = 'connecting';
  closedByClient: { code: number | undefined; reason: string | undefined } | undefined;

  readonly url: string;
  readonly user: string | null;
  private readonly server: FakeChannelServer;

  constructor(url: string, user: string | null, server: FakeChannelServer) {
    this.url = url;
    this.user = user;
    this.server = server;
  }

  send(data: string): void {
    if (this.state !== 'open') throw new Error(`send() on a ${this.state} socket`);
    const frame = JSON.parse(data) as Frame;
    this.received.push(frame);
    this.server.handle(this, frame);
  }

  close(code?: number, reason?: string): void {
    if (this.state === 'closed') return;
    this.closedByClient = { code, reason };
    this.server.disconnect(this);
    later(() => this.onclose?.({ code: code ?? 1005, reason: reason ?? '' }));
  }

  /** The server accepts the handshake. */
  accept(): void {
    if (this.state !== 'connecting') return;
    this.state = 'open';
    later(() => this.onopen?.({}));
  }

  /** The server refuses the handshake, or the network fails before it opens. */
  refuse(): void {
    this.state = 'closed';
    later(() => this.onclose?.({ code: 1006, reason: '' }));
  }

  /** The connection drops (server restart, network), without a word for the joins. */
  drop(): void {
    if (this.state === 'closed') return;
    this.server.disconnect(this);
    later(() => this.onclose?.({ code: 1006, reason: '' }));
  }

  /** Sends a frame as the server; raw text is sent as it is. */
  push(frame: Frame | string): void {
    if (this.state !== 'open') return;
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame);
    if (typeof frame !== 'string') this.pushed.push(frame);
    later(() => {
      if (this.state === 'open') this.onmessage?.({ data: text });
    });
  }

  /** The frames the client sent with this op. */
  sent(op: string): Frame[] {
    return this.received.filter((f) => f['op'] === op);
  }
}

function later(fn: () => void): void {
  void Promise.resolve().then(fn);
}

function groupOf(channel: string, params: unknown): string {
  return channel + ' ' + JSON.stringify(params);
}

/** The server side: connections, groups, presence. */
export class FakeChannelServer {
  readonly connections: Connection[] = [];
  /** The user the next connections authenticate as. */
  user: string | null = null;
  /** The constructor to pass as `WebSocket`. */
  readonly WebSocket: WebSocketConstructor;

  private readonly options: FakeServerOptions;

  constructor(options: FakeServerOptions = {}) {
    this.options = options;
    const server = this;
    this.WebSocket = class extends Connection {
      constructor(url: string) {
        super(url, server.user, server);
        server.connections.push(this);
        if (server.options.autoOpen !== false) this.accept();
      }
    };
  }

  /** The newest connection. */
  get last(): Connection {
    const c = this.connections[this.connections.length - 1];
    if (!c) throw new Error('no connection yet');
    return c;
  }

  /** Connections that are open. */
  get open(): Connection[] {
    return this.connections.filter((c) => c.state === 'open');
  }

  /** Sends a message to every member of a group, as a `Broadcaster` would. */
  broadcast(channel: string, params: unknown, data: unknown): void {
    const group = groupOf(channel, params);
    for (const c of this.open) {
      for (const [ref, m] of c.joins) if (m.group === group) c.push({ op: 'message', ref, data });
    }
  }

  /** Pushes invalidation keys to every open connection, joined or not. */
  invalidate(keys: string[]): void {
    for (const c of this.open) c.push({ op: 'invalidate', keys });
  }

  handle(conn: Connection, frame: Frame): void {
    const ref = typeof frame['ref'] === 'string' ? frame['ref'] : undefined;
    const error = (problem: Problem) => conn.push({ op: 'error', ...(ref === undefined ? {} : { ref }), ...problem });
    if (ref === undefined) return error({ status: 400, title: 'Bad Request', detail: 'The frame has no ref.' });
    switch (frame['op']) {
      case 'join': {
        const channel = String(frame['channel']);
        const params = frame['params'];
        if (conn.joins.has(ref)) return error({ status: 409, title: 'Conflict' });
        const refused = this.options.authorize?.(channel, params, conn.user);
        if (refused) return error(refused);
        const group = groupOf(channel, params);
        conn.joins.set(ref, { channel, group });
        conn.push({ op: 'joined', ref });
        if (this.options.presence?.includes(channel)) {
          conn.push({ op: 'presence', ref, members: this.members(group) });
          this.presenceDiff(group, conn, 'joins');
        }
        return;
      }
      case 'send': {
        const m = conn.joins.get(ref);
        if (!m) return error({ status: 404, title: 'Not Found', detail: `No join with ref ${ref}.` });
        const refused = this.options.validate?.(m.channel, frame['data']);
        if (refused) return error(refused);
        const data = { ...(frame['data'] as object), author: conn.user };
        for (const c of this.open) {
          for (const [r, other] of c.joins) if (other.group === m.group) c.push({ op: 'message', ref: r, data });
        }
        return;
      }
      case 'leave': {
        const m = conn.joins.get(ref);
        if (!m) return error({ status: 404, title: 'Not Found' });
        conn.joins.delete(ref);
        conn.push({ op: 'left', ref });
        if (this.options.presence?.includes(m.channel)) this.presenceDiff(m.group, conn, 'leaves');
        return;
      }
      default:
        return error({ status: 400, title: 'Bad Request', detail: 'Unknown op.' });
    }
  }

  disconnect(conn: Connection): void {
    const memberships = [...conn.joins.values()];
    conn.joins.clear();
    conn.state = 'closed';
    for (const m of memberships) {
      if (this.options.presence?.includes(m.channel)) this.presenceDiff(m.group, conn, 'leaves');
    }
  }

  private members(group: string): { user: string | null; sockets: number }[] {
    const counts = new Map<string | null, number>();
    for (const c of this.open) {
      for (const m of c.joins.values()) if (m.group === group) counts.set(c.user, (counts.get(c.user) ?? 0) + 1);
    }
    return [...counts].map(([user, sockets]) => ({ user, sockets }));
  }

  private presenceDiff(group: string, changed: Connection, kind: 'joins' | 'leaves'): void {
    const count = this.members(group).find((m) => m.user === changed.user)?.sockets ?? 0;
    const entry = [{ user: changed.user, sockets: count }];
    for (const c of this.open) {
      if (c === changed && kind === 'joins') continue;
      for (const [ref, m] of c.joins) {
        if (m.group === group) {
          c.push({ op: 'presence_diff', ref, joins: kind === 'joins' ? entry : [], leaves: kind === 'leaves' ? entry : [] });
        }
      }
    }
  }
}

/** Lets the double's answers (each a microtask, some chained) arrive. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
