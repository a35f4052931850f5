// Live updates: one WebSocket to /api/v1/stream that delivers the event log (all of it to staff;
// to a customer, the public events of the tickets they may see, for the portal). It keeps
// the last event id, reconnects with backoff (0.5 s doubling to 10 s) and catches up with
// ?after=<last id>; a "reset" from the server (we fell too far behind) means "reload everything".
// The same socket carries a technician's presence: send() puts a frame on it (e.g. "viewing"),
// onFrame() hears the frames that are not events (e.g. "presence", "typing"). A frame sent while
// the socket is down is dropped: senders repeat theirs when the state turns 'live' again.
import { useEffect, useState } from 'preact/hooks';

export interface LiveEvent {
  id: number;
  ticket_number: number | null;
  type: string;
  at?: string;
  internal?: boolean;
  actor_id?: number | null;
  /** The event's details, e.g. chat_id on the chat.* events. */
  data?: Record<string, unknown>;
}

/** What subscribers receive: one event, or a reset that asks them to refetch all they show. */
export type LiveSignal = { kind: 'event'; event: LiveEvent } | { kind: 'reset' };
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

type Listener = (s: LiveSignal) => void;

/** A frame from the server that is not about the event log, as sent (e.g. {"type":"presence",…}). */
export type LiveFrame = { type: string } & Record<string, unknown>;

class LiveStream {
  private socket: WebSocket | null = null;
  private lastId: number | null = null;
  private retryMs = 500;
  private timer: number | undefined;
  private wanted = false;
  private listeners = new Set<Listener>();
  private stateListeners = new Set<(s: LiveState) => void>();
  private frameListeners = new Set<(f: LiveFrame) => void>();
  state: LiveState = 'off';

  start() {
    if (this.wanted) return;
    this.wanted = true;
    this.connect();
  }

  stop() {
    this.wanted = false;
    window.clearTimeout(this.timer);
    this.socket?.close();
    this.socket = null;
    this.lastId = null;
    this.setState('off');
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  onFrame(l: (f: LiveFrame) => void): () => void {
    this.frameListeners.add(l);
    return () => this.frameListeners.delete(l);
  }

  /** Sends one frame if the socket is open; returns whether it went. */
  send(frame: object): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  onState(l: (s: LiveState) => void): () => void {
    this.stateListeners.add(l);
    return () => this.stateListeners.delete(l);
  }

  private setState(s: LiveState) {
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }

  private connect() {
    if (!this.wanted) return;
    const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const after = this.lastId !== null ? `?after=${this.lastId}` : '';
    const reconnecting = this.state === 'reconnecting' || this.state === 'live';
    this.setState(reconnecting ? 'reconnecting' : 'connecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(`${proto}//${location.host}/api/v1/stream${after}`);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = ws;
    ws.onmessage = (m) => this.receive(m.data);
    ws.onclose = () => {
      if (this.socket !== ws) return;
      this.socket = null;
      this.scheduleRetry();
    };
  }

  private receive(data: unknown) {
    if (typeof data !== 'string') return;
    let msg: { type?: string; last_id?: number; event?: LiveEvent } & Record<string, unknown>;
    try {
      msg = JSON.parse(data);
    } catch {
      return;
    }
    if (msg.type === 'hello') {
      // The events after ?after= follow the hello, so a reconnect misses nothing. The first hello
      // has no "after": screens refetch once to cover changes between their load and now.
      const first = this.lastId === null;
      if (first && typeof msg.last_id === 'number') this.lastId = msg.last_id;
      this.retryMs = 500;
      this.setState('live');
      if (first) this.listeners.forEach((l) => l({ kind: 'reset' }));
    } else if (msg.type === 'event' && msg.event) {
      if (typeof msg.event.id === 'number') this.lastId = Math.max(this.lastId ?? 0, msg.event.id);
      const s: LiveSignal = { kind: 'event', event: msg.event };
      this.listeners.forEach((l) => l(s));
    } else if (msg.type === 'reset') {
      if (typeof msg.last_id === 'number') this.lastId = msg.last_id;
      this.listeners.forEach((l) => l({ kind: 'reset' }));
    } else if (typeof msg.type === 'string') {
      const f = msg as LiveFrame;
      this.frameListeners.forEach((l) => l(f));
    }
  }

  private scheduleRetry() {
    if (!this.wanted) return;
    this.setState('reconnecting');
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, 10_000);
  }
}

export const live = new LiveStream();

export function useLiveState(): LiveState {
  const [s, setS] = useState<LiveState>(live.state);
  useEffect(() => {
    const unsubscribe = live.onState(setS);
    setS(live.state); // it may have changed between the render and this subscription
    return unsubscribe;
  }, []);
  return s;
}

/**
 * Calls `refresh` (debounced by `delayMs`) for every live signal that `wanted` accepts, and for
 * every reset. The latest callbacks are used without re-subscribing.
 */
export function useLiveRefresh(
  wanted: (e: LiveEvent) => boolean,
  refresh: () => void,
  delayMs = 300,
) {
  const ref = { wanted, refresh };
  const [holder] = useState(() => ({ current: ref }));
  holder.current = ref;
  useEffect(() => {
    let timer: number | undefined;
    const unsubscribe = live.subscribe((s) => {
      if (s.kind === 'event' && !holder.current.wanted(s.event)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => holder.current.refresh(), delayMs);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [holder, delayMs]);
}
