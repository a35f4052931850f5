// One chat's socket (docs/chat.md, "Socket"), for the customer's widget and portal and for a
// technician's chat tab alike. It keeps the log (LogBook) and what is not yet confirmed (Outbox),
// reconnects with backoff (0.5 s doubling to 10 s) and resumes with ?after=<last seq>, right away
// when the page becomes visible again or the network comes back; an app-level ping every 15 s
// finds a socket the browser still believes open but that no longer answers (30 s without pong).
// Browser APIs come in through ConnectionDeps so the unit tests can drive it without a browser.
import { LogBook, Heartbeat } from './logbook';
import { newClientId, Outbox, type OutgoingFrame, type Pending } from './outbox';
import type { Author, Chat, Entry, Role, ServerFrame } from './protocol';

export type ConnState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((e: unknown) => void) | null;
  onmessage: ((e: { data: unknown }) => void) | null;
  onclose: ((e: { code: number; reason: string }) => void) | null;
  onerror: ((e: unknown) => void) | null;
}

export interface ConnectionDeps {
  open(url: string): SocketLike;
  now(): number;
  setTimeout(f: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  /** Calls wake() when the page becomes visible or the network returns; returns an unsubscribe. */
  onWake(wake: (why: 'visible' | 'online') => void): () => void;
  /** ws(s)://host of the help desk. */
  socketBase: string;
}

export function browserDeps(): ConnectionDeps {
  return {
    open: (url) => new WebSocket(url) as unknown as SocketLike,
    now: () => Date.now(),
    setTimeout: (f, ms) => window.setTimeout(f, ms),
    clearTimeout: (id) => window.clearTimeout(id),
    onWake(wake) {
      const visible = () => {
        if (document.visibilityState === 'visible') wake('visible');
      };
      const online = () => wake('online');
      document.addEventListener('visibilitychange', visible);
      window.addEventListener('online', online);
      return () => {
        document.removeEventListener('visibilitychange', visible);
        window.removeEventListener('online', online);
      };
    },
    socketBase: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`,
  };
}

export interface ChatSnapshot {
  state: ConnState;
  chat: Chat | null;
  entries: readonly Entry[];
  pending: readonly Pending[];
  /** Someone on the other side is typing (cleared after a few seconds or by their message). */
  typing: Author | null;
  /** A colleague is writing an internal note on the chat's ticket (staff only ever get these). */
  noteTyping: Author | null;
  /** A sentence for the person when something went wrong (a refused message, access lost). */
  problem: string;
  /** The client_ids this page sent: their log entries are marked "Sent". */
  mine: ReadonlySet<string>;
}

const OPEN = 1;
const TICK_MS = 5_000;
const TYPING_SHOWN_MS = 6_000;
const TYPING_SENT_EVERY_MS = 3_000;
// The server's close reason when this person may no longer see the chat: reconnecting is useless.
const NOT_ALLOWED = 'signed out, disabled or no longer allowed';

export class ChatConnection {
  private readonly log = new LogBook();
  private readonly outbox = new Outbox();
  private socket: SocketLike | null = null;
  private heartbeat: Heartbeat;
  private lastPingAt = 0;
  private retryMs = 500;
  private retryTimer: number | undefined;
  private tickTimer: number | undefined;
  private typingTimer: number | undefined;
  private noteTypingTimer: number | undefined;
  private lastTypingSent = { reply: -Infinity, note: -Infinity };
  private unwake: (() => void) | null = null;
  private listeners = new Set<() => void>();
  private snap: ChatSnapshot = { state: 'connecting', chat: null, entries: [], pending: [], typing: null, noteTyping: null, problem: '', mine: new Set() };
  private wanted = false;

  constructor(
    readonly chatId: number,
    private readonly myRole: Role,
    private readonly visitorToken: string | undefined,
    private readonly deps: ConnectionDeps = browserDeps(),
  ) {
    this.heartbeat = new Heartbeat(deps.now());
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  snapshot(): ChatSnapshot {
    return this.snap;
  }

  start() {
    if (this.wanted) return;
    this.wanted = true;
    this.unwake = this.deps.onWake((why) => this.wake(why));
    this.connect();
    this.scheduleTick();
  }

  stop() {
    this.wanted = false;
    this.unwake?.();
    this.unwake = null;
    this.deps.clearTimeout(this.retryTimer);
    this.deps.clearTimeout(this.tickTimer);
    this.deps.clearTimeout(this.typingTimer);
    this.deps.clearTimeout(this.noteTypingTimer);
    this.drop();
    this.update({ state: 'stopped' });
  }

  /** Sends a message; it shows as "Sending…" until the server confirms it. */
  say(body: string): string {
    const client_id = newClientId();
    this.enqueue({ type: 'message', body, client_id });
    return client_id;
  }

  /** Answers a form request from the technician. */
  answerForm(request_seq: number, values: Record<string, string>) {
    this.enqueue({ type: 'form', action: 'submit', request_seq, values, client_id: newClientId() });
  }

  /**
   * Tells the others this person is typing; at most one frame every 3 s. `internal`: a technician
   * writing an internal note on the chat's ticket, which the server shows to staff only.
   */
  typing(internal = false) {
    const now = this.deps.now();
    const kind = internal ? 'note' : 'reply';
    if (now - this.lastTypingSent[kind] < TYPING_SENT_EVERY_MS) return;
    if (this.write(internal ? { type: 'typing', internal: true } : { type: 'typing' })) this.lastTypingSent[kind] = now;
  }

  /** A client_id this page sent outside the socket (a file, over HTTP): its entry shows "Sent". */
  claim(clientId: string) {
    this.update({ mine: new Set([...this.snap.mine, clientId]) });
  }

  /** Reconnects now (the page came back, or the person asked). */
  reconnectNow() {
    if (!this.wanted || this.ended()) return;
    this.drop();
    this.deps.clearTimeout(this.retryTimer);
    this.retryMs = 500;
    this.connect();
  }

  private wake(why: 'visible' | 'online') {
    // Back online: the old socket may be dead without knowing it. Visible again: reconnect when
    // closed, or when it was quiet long enough to doubt it (timers sleep in background tabs).
    const open = this.socket?.readyState === OPEN;
    if (why === 'online' || !open || this.heartbeat.stale(this.deps.now())) this.reconnectNow();
  }

  private ended(): boolean {
    return this.snap.chat?.status === 'ended';
  }

  private enqueue(frame: OutgoingFrame) {
    this.outbox.add(frame);
    this.snap.mine = new Set([...this.snap.mine, frame.client_id]);
    this.flush();
    this.update({ pending: [...this.outbox.list()] });
  }

  private flush() {
    if (this.snap.state !== 'live') return;
    for (const f of this.outbox.due(this.deps.now())) this.write(f);
  }

  private write(frame: object): boolean {
    if (!this.socket || this.socket.readyState !== OPEN) return false;
    try {
      this.socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  private connect() {
    if (!this.wanted) return;
    const q = new URLSearchParams();
    if (this.log.lastSeq > 0) q.set('after', String(this.log.lastSeq));
    if (this.visitorToken) q.set('visitor_token', this.visitorToken);
    const query = q.toString();
    const url = `${this.deps.socketBase}/api/v1/chats/${this.chatId}/socket${query ? '?' + query : ''}`;
    this.update({ state: this.snap.chat ? 'reconnecting' : 'connecting' });
    let ws: SocketLike;
    try {
      ws = this.deps.open(url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = ws;
    this.heartbeat = new Heartbeat(this.deps.now());
    ws.onmessage = (m) => {
      if (this.socket === ws) this.receive(m.data);
    };
    ws.onclose = (e) => {
      if (this.socket !== ws) return;
      this.socket = null;
      if (e.reason === NOT_ALLOWED) {
        this.update({ problem: 'This chat is no longer open to you.' });
        this.stop();
        return;
      }
      if (this.ended()) {
        this.update({ state: 'stopped' });
        return;
      }
      this.scheduleRetry();
    };
  }

  /** Forgets the current socket (its late events are ignored) and closes it. */
  private drop() {
    const ws = this.socket;
    this.socket = null;
    if (ws) {
      ws.onmessage = ws.onclose = ws.onopen = ws.onerror = null;
      try {
        ws.close();
      } catch {
        // Closing a socket that never opened can throw in some browsers; it is gone either way.
      }
    }
  }

  private scheduleRetry() {
    if (!this.wanted) return;
    this.update({ state: 'reconnecting' });
    this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = this.deps.setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }

  private scheduleTick() {
    this.tickTimer = this.deps.setTimeout(() => {
      this.tick();
      if (this.wanted) this.scheduleTick();
    }, TICK_MS);
  }

  private tick() {
    if (this.snap.state !== 'live' || !this.socket) return;
    const now = this.deps.now();
    if (this.heartbeat.tick(now) === 'dead') {
      this.drop();
      this.scheduleRetry();
      return;
    }
    if (now - this.lastPingAt >= this.heartbeat.everyMs) {
      this.lastPingAt = now;
      this.write({ type: 'ping' });
    }
    this.flush();
  }

  private receive(data: unknown) {
    if (typeof data !== 'string') return;
    let f: ServerFrame;
    try {
      f = JSON.parse(data);
    } catch {
      return;
    }
    // Any frame shows the socket is alive, not only a pong.
    this.heartbeat.pong(this.deps.now());
    switch (f.type) {
      case 'hello':
        this.retryMs = 500;
        this.outbox.reconnected();
        this.update({ state: 'live', chat: f.chat, problem: '' });
        this.lastPingAt = this.deps.now();
        this.flush();
        break;
      case 'ack':
        if (this.outbox.acknowledge(f.client_id, f.seq)) this.update({ pending: [...this.outbox.list()] });
        break;
      case 'typing':
        // Among staff, a colleague's typing is an internal note on the chat's ticket: only the
        // chat's own technician writes in the chat, and the server relays note typing to staff
        // only but without its "internal" mark (a customer's page never gets one).
        if (this.myRole === 'agent' && (f.internal || f.author?.role === 'agent')) this.showNoteTyping(f.author);
        else if (!f.internal && f.author?.role !== this.myRole) this.showTyping(f.author);
        break;
      case 'pong':
        break;
      case 'error':
        this.refused(f.detail, f.client_id);
        break;
      case 'message':
      case 'status':
      case 'form':
        this.entry(f);
        break;
    }
  }

  private refused(detail: string, clientId?: string) {
    if (clientId) {
      // The server will not take it (too long, the chat ended): retrying would not help.
      const gone = this.outbox.list().find((p) => p.frame.client_id === clientId);
      if (gone) this.outbox.settle({ type: gone.frame.type, seq: 0, client_id: clientId });
    }
    this.update({ problem: detail || 'The server refused that.', pending: [...this.outbox.list()] });
  }

  private entry(e: Entry) {
    if (!this.log.add(e)) return;
    this.outbox.settle(e);
    const patch: Partial<ChatSnapshot> = { entries: this.log.entries(), pending: [...this.outbox.list()] };
    if (e.type === 'message' && this.snap.typing && e.author.role === this.snap.typing.role) patch.typing = null;
    if (e.type === 'status' && this.snap.chat) {
      patch.chat = {
        ...this.snap.chat,
        status: e.status,
        agent: e.agent !== undefined ? e.agent : this.snap.chat.agent,
        queue_position: e.status === 'waiting' ? this.snap.chat.queue_position : null,
      };
    }
    this.update(patch);
  }

  private showTyping(author: Author) {
    this.deps.clearTimeout(this.typingTimer);
    this.update({ typing: author });
    this.typingTimer = this.deps.setTimeout(() => this.update({ typing: null }), TYPING_SHOWN_MS);
  }

  private showNoteTyping(author: Author) {
    this.deps.clearTimeout(this.noteTypingTimer);
    this.update({ noteTyping: author });
    this.noteTypingTimer = this.deps.setTimeout(() => this.update({ noteTyping: null }), TYPING_SHOWN_MS);
  }

  private update(patch: Partial<ChatSnapshot>) {
    this.snap = { ...this.snap, ...patch };
    this.listeners.forEach((l) => l());
  }
}
