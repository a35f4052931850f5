// What this side has said but the server has not confirmed yet. Every message and form answer
// gets a client_id and stays here until the server acknowledges it (an `ack` frame, or the log
// entry carrying that client_id comes back); until then it is sent again on every reconnect and
// every `resendMs` while connected. The server answers a repeated client_id with the first seq,
// so resending never doubles a message. Pure: no sockets or timers here, the connection drives it.

export type OutgoingFrame =
  | { type: 'message'; body: string; client_id: string }
  | { type: 'form'; action: 'submit'; request_seq: number; values: Record<string, string>; client_id: string };

export interface Pending {
  frame: OutgoingFrame;
  /** When it was last written to a socket (ms), or null while never sent on this connection. */
  sentAt: number | null;
  /** The seq the server gave it; set once acknowledged. */
  seq: number | null;
}

let counter = 0;

/** A client_id unique enough across reloads and tabs: random part plus a counter. */
export function newClientId(random: () => number = Math.random): string {
  counter = (counter + 1) % 1_000_000;
  return `c-${Math.floor(random() * 2 ** 48).toString(36)}-${counter.toString(36)}`;
}

export class Outbox {
  private items: Pending[] = [];

  constructor(private readonly resendMs = 10_000) {}

  add(frame: OutgoingFrame): Pending {
    const p: Pending = { frame, sentAt: null, seq: null };
    this.items.push(p);
    return p;
  }

  /** The frames to write now: all that were never sent on this connection or waited too long. */
  due(now: number): OutgoingFrame[] {
    const out: OutgoingFrame[] = [];
    for (const p of this.items) {
      if (p.seq !== null) continue;
      if (p.sentAt === null || now - p.sentAt >= this.resendMs) {
        p.sentAt = now;
        out.push(p.frame);
      }
    }
    return out;
  }

  /** A new connection: everything unconfirmed goes out again. */
  reconnected() {
    for (const p of this.items) if (p.seq === null) p.sentAt = null;
  }

  /** The server acknowledged client_id with seq. Returns whether it was ours. */
  acknowledge(clientId: string, seq: number): boolean {
    const p = this.items.find((i) => i.frame.client_id === clientId);
    if (!p) return false;
    p.seq = seq;
    return true;
  }

  /**
   * A log entry arrived: it confirms the item with its client_id (or, for a form answer without
   * one, the answer to the same request) and the item leaves the outbox: the log shows it now.
   */
  settle(entry: { type: string; seq: number; client_id?: string; action?: string; request_seq?: number }) {
    this.items = this.items.filter((p) => {
      if (entry.client_id && p.frame.client_id === entry.client_id) return false;
      if (
        entry.type === 'form' &&
        entry.action === 'submitted' &&
        p.frame.type === 'form' &&
        p.frame.request_seq === entry.request_seq
      ) {
        return false;
      }
      return true;
    });
  }

  /** The items not yet in the log, oldest first (shown as "Sending…" or "Sent"). */
  list(): readonly Pending[] {
    return this.items;
  }

  /** Drops what can no longer be sent (the chat ended), returning it. */
  clear(): Pending[] {
    const all = this.items;
    this.items = [];
    return all;
  }
}
