// A chat's log as this side has seen it: entries by seq, each once, in order, whatever order or
// how many times they arrive (a reconnect with ?after= can overlap what a late frame brought).
// lastSeq is what the next connection asks to continue after. Pure.
import type { Entry } from './protocol';

export class LogBook {
  private bySeq = new Map<number, Entry>();
  private sorted: Entry[] = [];
  lastSeq = 0;

  /** Adds an entry; false when that seq was already there. */
  add(e: Entry): boolean {
    if (typeof e.seq !== 'number' || this.bySeq.has(e.seq)) return false;
    this.bySeq.set(e.seq, e);
    // Entries nearly always arrive in order: append, and sort only when one came late.
    const tail = this.sorted[this.sorted.length - 1];
    this.sorted = [...this.sorted, e];
    if (tail && tail.seq > e.seq) this.sorted.sort((a, b) => a.seq - b.seq);
    this.lastSeq = Math.max(this.lastSeq, e.seq);
    return true;
  }

  entries(): readonly Entry[] {
    return this.sorted;
  }

  get(seq: number): Entry | undefined {
    return this.bySeq.get(seq);
  }
}

/**
 * The app-level heartbeat: a ping every `everyMs`; no pong for `deadMs` means the socket is dead
 * even though the browser still calls it open (a laptop that slept, a proxy that dropped it).
 */
export class Heartbeat {
  private lastPong: number;

  constructor(
    now: number,
    readonly everyMs = 15_000,
    readonly deadMs = 30_000,
  ) {
    this.lastPong = now;
  }

  pong(now: number) {
    this.lastPong = now;
  }

  /** What to do at a tick: send a ping, or give the socket up. */
  tick(now: number): 'ping' | 'dead' {
    return now - this.lastPong >= this.deadMs ? 'dead' : 'ping';
  }

  /** True when nothing was heard for long enough that an open socket deserves suspicion. */
  stale(now: number): boolean {
    return now - this.lastPong >= this.everyMs;
  }
}
