// A ticket's history, one line per event from the event log, in plain words.
import type { TicketEvent } from '../api';
import { priorityLabel, statusLabel, Time } from './common';

type Names = (id: number | null | undefined) => string;

function describe(e: TicketEvent, userName: Names, teamName: Names): string {
  const d = e.data ?? {};
  const s = (k: string) => (d[k] === null || d[k] === undefined ? '' : String(d[k]));
  switch (e.type) {
    case 'ticket.created':
      return `opened the ticket${d.channel ? ` via ${s('channel')}` : ''}`;
    case 'message.added':
      return d.kind === 'internal' ? 'added an internal note' : 'replied';
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
    default:
      return e.type.replace(/[._]/g, ' ');
  }
}

export function Timeline({ events, userName, teamName }: { events: TicketEvent[]; userName: Names; teamName: Names }) {
  if (events.length === 0) return <p class="empty">No history yet.</p>;
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li key={e.id}>
          <span class="who">{e.actor_id ? userName(e.actor_id) : 'Frontline'}</span> {describe(e, userName, teamName)}{' '}
          <span class="muted">
            · <Time iso={e.created_at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
