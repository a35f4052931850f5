// A ticket's history, one line per event from the event log, in plain words. Mail delivery
// (mail.*) is Frontline's own doing, so it reads as Frontline's whatever the recorded actor (a
// bounce is recorded under the mail gateway's token); "queued" lines hide once that mail has news.
import type { TicketEvent } from '../api';
import { priorityLabel, statusLabel, Time } from './common';

type Names = (id: number | null | undefined) => string;

const MAIL_KIND: Record<string, string> = {
  acknowledgement: 'the acknowledgement',
  reply: 'the reply',
  assignment: 'the assignment notice',
};
const mailKind = (k: string) => MAIL_KIND[k] ?? `the ${k || 'email'}`;

function describe(e: TicketEvent, userName: Names, teamName: Names): string {
  const d = e.data ?? {};
  const s = (k: string) => (d[k] === null || d[k] === undefined ? '' : String(d[k]));
  switch (e.type) {
    case 'ticket.created':
      return `opened the ticket${d.channel ? ` via ${s('channel')}` : ''}`;
    case 'message.added':
      return d.kind === 'internal' ? 'added an internal note' : 'replied';
    case 'call.logged':
      return `took a phone call from the requester${typeof d.minutes === 'number' ? ` (${d.minutes} ${d.minutes === 1 ? 'minute' : 'minutes'})` : ''}`;
    case 'ticket.status_changed':
      return `changed status from ${statusLabel(s('from'))} to ${statusLabel(s('to'))}`;
    case 'ticket.priority_changed':
      return `changed priority from ${priorityLabel(s('from'))} to ${priorityLabel(s('to'))}`;
    case 'ticket.assigned':
      return d.to ? `assigned it to ${userName(d.to as number)}` : 'unassigned it';
    case 'ticket.team_changed':
      return d.to ? `moved it to team ${teamName(d.to as number)}` : 'removed the team';
    case 'ticket.category_changed':
      return d.to ? `set the category to ${s('to')}` : 'cleared the category';
    case 'ticket.tags_changed':
      return `set tags to ${Array.isArray(d.to) && d.to.length ? (d.to as string[]).join(', ') : 'none'}`;
    case 'ticket.merged':
      return `merged it into #${s('into')}`;
    case 'ticket.merged_from':
      return `merged #${s('from')} into this ticket`;
    case 'ticket.linked':
      return `linked it to #${s('ticket')}`;
    case 'mail.queued':
      return `will email ${mailKind(s('kind'))} to ${s('to')}`;
    case 'mail.sent':
      return `emailed ${mailKind(s('kind'))} to ${s('to')}`;
    case 'mail.retrying':
      return `could not email ${mailKind(s('kind'))} to ${s('to')} (attempt ${s('attempt')}: ${s('error')}); retrying`;
    case 'mail.failed':
      return `gave up emailing ${mailKind(s('kind'))} to ${s('to')} (attempt ${s('attempt')}: ${s('error')})`;
    case 'mail.bounced':
      return `received a delivery failure from ${s('from')}${d.status ? ` (${s('status')})` : ''}`;
    default:
      return e.type.replace(/[._]/g, ' ');
  }
}

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

export function Timeline({ events, userName, teamName }: { events: TicketEvent[]; userName: Names; teamName: Names }) {
  if (events.length === 0) return <p class="empty">No history yet.</p>;
  return (
    <ol class="timeline">
      {withoutSettledQueued(events).map((e) => (
        <li key={e.id}>
          <span class="who">{e.actor_id && !e.type.startsWith('mail.') ? userName(e.actor_id) : 'Frontline'}</span>{' '}
          {describe(e, userName, teamName)}{' '}
          <span class="muted">
            · <Time iso={e.created_at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
