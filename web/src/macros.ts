// Macros over the API: the types the macro screens and the ticket page's picker share.
import { type Message, type Priority, type Status, type Ticket, get, type List, request } from './api';

export interface MacroChanges {
  status?: Status;
  priority?: Priority;
  assign_to_me?: boolean;
  assignee_id?: number | null;
  team_id?: number | null;
  category?: string;
  add_tags?: string[];
  remove_tags?: string[];
}

export interface Macro {
  id: number;
  name: string;
  scope: 'shared' | 'personal';
  owner_id: number | null;
  changes: MacroChanges;
  reply: string;
  reply_kind: 'public' | 'internal';
  updated_at: string;
}

export const listMacros = () => get<List<Macro>>('/macros').then((l) => l.items);

/** Applies a macro to the ticket as the caller last saw it (a stale version answers 412). */
export const applyMacro = (ticket: Ticket, macroId: number) =>
  request<{ ticket: Ticket; message: Message | null }>('POST', `/tickets/${ticket.number}/macros/${macroId}`, undefined, {
    'If-Match': `"${ticket.version}"`,
  }).then((r) => r.data);

/** The placeholders a reply may hold: the mail templates' names, filled when applied. */
export const MACRO_PLACEHOLDERS = ['recipient_name', 'ticket_number', 'subject', 'author_name'];
