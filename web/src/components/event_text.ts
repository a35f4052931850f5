// The words of a ticket's history: one phrase per event type of the event log (the event
// catalogue, docs/event_catalogue.json), with the names and labels it mentions. No JSX, so the
// web unit tests can load it without a browser.
import type { TicketEvent } from '../api';
import { priorityLabel, statusLabel } from './common';

export type Names = (id: number | null | undefined) => string;

/** What the page knows besides the people and teams: service names (from the events that carry
 * them, and the ticket's escalation), and whom a current escalation went to. Either may answer
 * '' for an id it does not know. */
export interface Known {
  serviceName?: (id: number) => string;
  escalatedTo?: (escalationId: number) => string;
}

/** Service names the history's own events carry (written with the event since they carry them). */
export function serviceNamesFrom(events: TicketEvent[]): Map<number, string> {
  const names = new Map<number, string>();
  const note = (id: unknown, name: unknown) => {
    if (typeof id === 'number' && typeof name === 'string' && name) names.set(id, name);
  };
  for (const e of events) {
    const d = e.data ?? {};
    if (e.type === 'ticket.service_changed') {
      note(d.from, d.from_name);
      note(d.to, d.to_name);
    } else if (e.type === 'service.contact_reported_wrong') {
      note(d.service_id, d.service_name);
    }
  }
  return names;
}

const MAIL_KIND: Record<string, string> = {
  acknowledgement: 'the acknowledgement',
  reply: 'the reply',
  assignment: 'the assignment notice',
  transcript: 'the chat transcript',
  escalation: 'the escalation notice',
  promise_reminder: 'the promise reminder',
  replacement: 'the replacement notice',
};
const mailKind = (k: string) => MAIL_KIND[k] ?? `the ${k || 'email'}`;

/** The words after the actor's name for one event of a ticket's history. A type with no case
 * here falls back to its name spelled out — the web tests check every type of the event
 * catalogue (docs/event_catalogue.json) that can be on a ticket has a case. */
export function describe(e: TicketEvent, userName: Names, teamName: Names, known: Known = {}): string {
  const d = e.data ?? {};
  const s = (k: string) => (d[k] === null || d[k] === undefined ? '' : String(d[k]));
  // A service by the name the event carries, else the name the page knows, else its number.
  const service = (idKey: string, nameKey: string) => {
    const id = d[idKey];
    return s(nameKey) || (typeof id === 'number' ? known.serviceName?.(id) : '') || (id ? `service #${String(id)}` : 'a service');
  };
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
      return d.to ? `moved it to team ${s('to_name') || teamName(d.to as number)}` : 'removed the team';
    case 'ticket.service_changed':
      if (!d.to) return d.from ? `cleared the service (was ${service('from', 'from_name')})` : 'cleared the service';
      return d.from ? `changed the service from ${service('from', 'from_name')} to ${service('to', 'to_name')}` : `set the service to ${service('to', 'to_name')}`;
    case 'service.contact_reported_wrong':
      return `reported a contact of ${service('service_id', 'service_name')} as wrong${d.note ? `: ${s('note')}` : ''}`;
    case 'ticket.fields_answered': {
      const n = Array.isArray(d.question_ids) ? d.question_ids.length : 0;
      return `recorded the caller’s answers to ${n === 1 ? 'a question' : `${n || 'some'} questions`}`;
    }
    case 'ticket.escalated':
      return d.team_id
        ? `escalated it to team ${teamName(d.team_id as number)}`
        : `escalated it to ${(typeof d.escalation_id === 'number' && known.escalatedTo?.(d.escalation_id)) || 'a contact in the service directory'}`;
    case 'ticket.deescalated':
      return d.team_id ? `de-escalated it back to team ${teamName(d.team_id as number)}` : 'de-escalated it';
    case 'promise.made':
      return `promised: ${s('text') || 'something'}`;
    case 'promise.kept':
      return d.late ? 'kept a promise, late' : 'kept a promise';
    case 'promise.reminded':
      return `reminded ${d.owner_id ? userName(d.owner_id as number) : 'its owner'} of a promise due soon`;
    case 'promise.broken':
      return d.owner_id ? `recorded a promise of ${userName(d.owner_id as number)} as broken` : 'recorded a promise as broken';
    case 'ticket.replacement_requested':
      return `asked for a replacement${d.model ? ` of ${s('model')}` : ''}`;
    case 'ticket.replacement_updated': {
      const keys = changedKeys(d);
      return `changed the replacement${keys ? `’s ${keys}` : ''}`;
    }
    case 'ticket.replacement_confirmed':
      return d.by_role && d.by_role !== 'customer'
        ? 'recorded the replacement’s shipping address as confirmed by the customer'
        : 'confirmed the replacement’s shipping address';
    case 'ticket.replacement_shipped':
      return `shipped the replacement${d.carrier ? ` with ${s('carrier')}` : ''}${d.tracking_number ? `, tracking number ${s('tracking_number')}` : ''}`;
    case 'ticket.replacement_delivered':
      return 'recorded the replacement as delivered';
    case 'ticket.replacement_returned':
      return 'recorded the faulty unit as returned';
    case 'ticket.replacement_cancelled':
      return 'cancelled the replacement';
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
    case 'chat.started':
      return `started a live chat${d.technician ? ' (a technician)' : ''}`;
    case 'chat.accepted':
      return `accepted the chat${d.agent_id ? ` as ${userName(d.agent_id as number)}` : ''}`;
    case 'chat.transferred':
      return `handed the chat to ${d.agent_id ? userName(d.agent_id as number) : d.team_id ? `team ${teamName(d.team_id as number)}` : 'someone else'}${d.note ? `: ${s('note')}` : ''}`;
    case 'chat.reoffered':
      return `offered the chat to everyone again${d.waited_seconds ? ` after ${s('waited_seconds')} s` : ''} without an answer`;
    case 'chat.form_requested':
      return 'sent a form into the chat';
    case 'chat.form_submitted':
      return 'filled in the form sent into the chat';
    case 'chat.ended':
      return 'ended the chat';
    case 'chat.rated':
      return `rated the chat ${s('rating')} out of 5`;
    case 'mail.bounced':
      return `received a delivery failure from ${s('from')}${d.status ? ` (${s('status')})` : ''}`;
    default:
      return genericText(e.type);
  }
}

const REPLACEMENT_KEY: Record<string, string> = {
  model: 'model',
  serial: 'serial number',
  address: 'address',
  name: 'recipient',
  organization: 'organisation',
  line1: 'street address',
  line2: 'address line 2',
  city: 'city',
  region: 'region',
  postal_code: 'postal code',
  country: 'country',
  phone: 'phone',
  email: 'email',
};

/** "model and address" from a replacement_updated event's changed keys. */
function changedKeys(d: Record<string, unknown>): string {
  const list = Array.isArray(d.changed) ? (d.changed as unknown[]) : [];
  const words = [...new Set(list.map((k) => REPLACEMENT_KEY[String(k).replace(/^address\./, '')] ?? '').filter(Boolean))];
  if (words.length === 0) return '';
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** What an event type without its own phrase reads as: its name spelled out. */
export const genericText = (type: string) => type.replace(/[._]/g, ' ');
