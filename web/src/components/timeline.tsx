// A ticket's history, one line per event from the event log, in plain words. Mail delivery
// (mail.*) is Frontline's own doing, so it reads as Frontline's whatever the recorded actor (a
// bounce is recorded under the mail gateway's token); "queued" lines hide once that mail has news.
import type { TicketEvent } from '../api';
import { Time } from './common';
import { describe, type Known, type Names } from './event_text';

const mailKey = (e: TicketEvent) => `${String(e.data?.to)} ${String(e.data?.kind)}`;

/** Drops each mail.queued line once a later delivery event (sent, retrying, failed) for the same
 * address and kind follows: "will email" is news only while nothing else has been said. */
function withoutSettledQueued(events: TicketEvent[]): TicketEvent[] {
  const later = new Set<string>();
  const keep: TicketEvent[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.type === 'mail.queued') {
      if (later.has(mailKey(e))) continue;
    } else if (e.type.startsWith('mail.')) {
      later.add(mailKey(e));
    }
    keep.push(e);
  }
  return keep.reverse();
}

export function Timeline({ events, userName, teamName, known }: { events: TicketEvent[]; userName: Names; teamName: Names; known?: Known }) {
  if (events.length === 0) return <p class="empty">No history yet.</p>;
  return (
    <ol class="timeline">
      {withoutSettledQueued(events).map((e) => (
        <li key={e.id}>
          <span class="who">{e.actor_id && !e.type.startsWith('mail.') ? userName(e.actor_id) : 'Frontline'}</span>{' '}
          {describe(e, userName, teamName, known)}{' '}
          <span class="muted">
            · <Time iso={e.created_at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
