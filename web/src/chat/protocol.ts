// The chat API's shapes (docs/chat.md): a chat, the log entries that HTTP and the socket share,
// and the frames only the socket carries. Types only; nothing here runs.

export type ChatStatus = 'waiting' | 'active' | 'ended';
export type Role = 'customer' | 'agent';

export interface Person {
  id: number;
  name: string;
}

export interface Chat {
  id: number;
  status: ChatStatus;
  ticket_number: number;
  topic: string;
  name: string;
  email: string;
  created_at: string;
  accepted_at: string | null;
  ended_at: string | null;
  agent: Person | null;
  team_id: number | null;
  queue_position: number | null;
  last_seq: number;
  rating: number | null;
  // The pre-chat answers: staff only.
  technician?: boolean;
  steps_done?: string[];
  steps_other?: string;
  serial_number?: string;
  machine_type?: string;
}

/** What POST /chats answers; visitor_token only for an anonymous visitor. */
export interface StartedChat {
  id: number;
  status: ChatStatus;
  queue_position: number | null;
  ticket_number: number;
  visitor_token?: string;
  agents_available: boolean;
}

export interface PreChat {
  name: string;
  email: string;
  topic: string;
  technician: boolean;
  steps_done: string[];
  steps_other: string;
  serial_number: string;
  machine_type: string;
  /** The ticket's category, and the answers to its intake questions (docs/intake.md). */
  category?: string;
  answers?: Record<string, string | boolean>;
}

/** The steps a customer can tick before the chat (anything else goes in steps_other). */
export const STEPS: { key: string; label: string }[] = [
  { key: 'restarted', label: 'Restarted the device' },
  { key: 'reseated_cables', label: 'Reseated the cables' },
  { key: 'updated_drivers', label: 'Updated drivers or firmware' },
  { key: 'tried_another_device', label: 'Tried another device' },
];

export const stepLabel = (key: string) => STEPS.find((s) => s.key === key)?.label ?? key;

export interface Author {
  role: Role;
  name: string;
}

export type FieldType = 'text' | 'multiline' | 'email' | 'phone' | 'yes_no' | 'choice';

export interface FormField {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[];
}

export interface ChatForm {
  id: number;
  title: string;
  fields: FormField[];
}

/** A file sent in the chat (POST /chats/{id}/files); also an attachment of the chat's ticket. */
export interface ChatFile {
  id: number;
  filename: string;
  size: number;
  content_type: string;
}

export interface MessageEntry {
  type: 'message';
  seq: number;
  author: Author;
  /** For a file: "Sent a file: NAME (SIZE)", the words the ticket and transcript keep. */
  body: string;
  at: string;
  client_id?: string;
  files?: ChatFile[];
}

export interface StatusEntry {
  type: 'status';
  seq: number;
  status: ChatStatus;
  reason: 'accepted' | 'transferred' | 'ended' | 'reoffered' | 'unavailable' | string;
  agent?: Person | null;
  text: string;
  at: string;
}

export interface FormRequestEntry {
  type: 'form';
  seq: number;
  action: 'request';
  form: ChatForm;
  author: Author;
  at: string;
}

export interface FormSubmittedEntry {
  type: 'form';
  seq: number;
  action: 'submitted';
  request_seq: number;
  form_id: number;
  values: Record<string, string>;
  author: Author;
  at: string;
  client_id?: string;
}

export type Entry = MessageEntry | StatusEntry | FormRequestEntry | FormSubmittedEntry;

/** Frames the server sends besides log entries. */
export type ServerFrame =
  | { type: 'hello'; chat: Chat; last_seq: number }
  | { type: 'ack'; client_id: string; seq: number }
  | { type: 'typing'; author: Author; internal?: boolean }
  | { type: 'pong' }
  | { type: 'error'; detail: string; client_id?: string }
  | Entry;
