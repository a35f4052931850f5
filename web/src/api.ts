// The HTTP API client: JSON or multipart requests under /api/v1 with the session cookie, the
// CSRF token on every write, and problem+json errors turned into ApiError (detail + field errors).

export type Role = 'customer' | 'agent' | 'admin';
export type Status = 'new' | 'open' | 'pending' | 'on_hold' | 'resolved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export const STATUSES: Status[] = ['new', 'open', 'pending', 'on_hold', 'resolved', 'closed'];
export const OPEN_STATUSES: Status[] = ['new', 'open', 'pending', 'on_hold'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  organization_id: number | null;
  timezone?: string;  // from GET /me
  morning_report?: boolean;
  csrf_token?: string;
}

export interface Ticket {
  number: number;
  subject: string;
  status: Status;
  requester: { id: number; email: string; name: string };
  organization_id: number | null;
  category: string;
  channel: string;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  customer_replied_at: string | null; // the requester wrote last; cleared by a public staff reply
  resolved_at: string | null;
  closed_at: string | null;
  merged_into: number | null;
  version: number;
  /** The chat this ticket backs (channel "chat"), as docs/chat.md describes a chat. */
  chat?: { id: number; status: 'waiting' | 'active' | 'ended' };
  // Staff only:
  priority?: Priority;
  assignee_id?: number | null;
  team_id?: number | null;
  /** The directory's service the ticket is about (docs/services.md). */
  service_id?: number | null;
  tags?: string[];
  /** The intake answers in form order (docs/intake.md); present on one ticket, not in lists. */
  fields?: TicketField[];
  /** Staff only: the current escalation, null when not escalated (docs/escalation.md). */
  escalation?: Escalation | null;
  /** Staff only: the promises made on this ticket, by due time. */
  promises?: TicketPromise[];
  /** Hardware replacements on this ticket, oldest first (staff and the customer; docs/replacements.md). */
  replacements?: Replacement[];
}

/** The ticket's current escalation: to a team or to a contact of the service directory. */
export interface Escalation {
  id: number;
  team_id: number | null;
  team_name: string;
  contact_id: number | null;
  service_id: number | null;
  service_name: string;
  contact_label: string;
  /** The directory contact as it is now; null for a team escalation or once it was removed. */
  contact?: EscalationContact | null;
  summary: string;
  /** null once the user who escalated was deleted. */
  by: { id: number; name: string } | null;
  at: string;
  from_team_id: number | null;
}

/** A contact escalated to, as the escalation carries it. */
export interface EscalationContact {
  id: number;
  kind: 'phone' | 'email' | 'web';
  value: string;
  call_tree: { press: string; then: string }[];
  hours: string;
  time_zone: string;
  notes: string;
  active: boolean;
}

/** A promise made to a customer (docs/escalation.md). */
export interface TicketPromise {
  id: number;
  ticket_number: number;
  owner: { id: number; name: string };
  text: string;
  due_at: string;
  remind_at: string;
  created_at: string;
  reminded_at: string | null;
  kept_at: string | null;
  kept_by: number | null;
  state: 'open' | 'kept' | 'broken';
  late: boolean;
}

export type ReplacementStatus = 'requested' | 'confirmed' | 'shipped' | 'delivered' | 'returned' | 'cancelled';
export const REPLACEMENT_STATUSES: ReplacementStatus[] = ['requested', 'confirmed', 'shipped', 'delivered', 'returned', 'cancelled'];

/** Where a replacement goes and whom the courier calls: every key present, '' when unknown. */
export interface ShippingAddress {
  name: string;
  organization: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  phone: string;
  email: string;
}
export type AddressKey = keyof ShippingAddress;

/** A hardware replacement on a ticket: the faulty unit, where its replacement goes, how it went. */
export interface Replacement {
  id: number;
  ticket_number: number;
  status: ReplacementStatus;
  model: string;
  serial: string;
  /** Staff only (internal): customers' JSON has no reason. */
  reason?: string;
  address: ShippingAddress;
  /** The required keys still empty, in form order ("phone" stands for phone-or-email). */
  address_missing: AddressKey[];
  confirmed_at: string | null;
  confirmed_by: { id: number; name: string; role: Role } | null;
  sent_model: string;
  sent_serial: string;
  carrier: string;
  tracking_number: string;
  shipped_at: string | null;
  delivered_at: string | null;
  returned_at: string | null;
  cancelled_at: string | null;
  /** Staff only: why it was cancelled ('' when not said). */
  cancel_reason?: string;
  created_by: { id: number; name: string } | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export type IntakeKind = 'text' | 'choice' | 'yes_no' | 'serial' | 'error_message';

/** A question a new ticket asks (docs/intake.md). */
export interface IntakeQuestion {
  id: number;
  category: string | null;
  service_id: number | null;
  position: number;
  key: string;
  kind: IntakeKind;
  label: string;
  help: string;
  choices: string[];
  required: boolean;
  active: boolean;
}

/** GET /reports/fields: tickets created in the range by their answer under one key. */
export interface AnswerReport {
  key: string;
  from: string;
  to: string;
  items: { value: string; tickets: number; open: number }[];
}

/** One answer kept on a ticket: a boolean for yes_no, text otherwise. */
export interface TicketField {
  question_id: number;
  key: string;
  label: string;
  kind: IntakeKind;
  value: string | boolean;
}

export interface Attachment {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  url: string;
}

export interface Message {
  id: number;
  ticket_number: number;
  kind: 'public' | 'internal' | 'system';
  author: { id: number; name: string };
  body: string;
  created_at: string;
  attachments: Attachment[];
  // Staff only: came by email and the receiving mail server did not vouch for the sender.
  unverified_sender?: boolean;
  /** The sender's HTML, sanitised by the server, when the message came by mail with an HTML part. */
  html?: string;
}

export interface TicketEvent {
  id: number;
  ticket_number: number | null;
  actor_id: number | null;
  type: string;
  data: Record<string, unknown>;
  created_at: string;
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  organization_id: number | null;
  timezone: string;
  disabled: boolean;
  verified: boolean;
  morning_report: boolean;
  ranked: boolean; // staff: on the company-wide leaderboard (admins decide)
  /** Invited by email and has not set a password yet. */
  invited?: boolean;
  created_at: string;
}

/** Something for a technician to look at (GET /notifications), newest first. */
export interface Notification {
  id: number;
  kind: 'assigned' | 'customer_replied' | 'mentioned' | 'contact_reported_wrong' | 'promise_due';
  ticket_number: number;
  subject: string;
  actor: { id: number; name: string } | null;
  created_at: string;
  read: boolean;
}

/** An invitation link (POST /users/invite and /users/{id}/invite). */
export interface Invitation {
  expires_at: string;
  link: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Organization {
  id: number;
  name: string;
  share_tickets: boolean;
  /** The days its technicians work (the leaderboard's working days); default Monday–Friday. */
  work_week: Weekday[];
}

export interface Team {
  id: number;
  name: string;
  member_ids: number[];
}

/** A named leaderboard that ranks only its members. */
export interface Board {
  id: number;
  name: string;
  member_ids: number[];
}

export interface LeaderboardEntry {
  rank: number;
  agent: { id: number; name: string; email: string };
  team: string;
  closed: number;
  working_days: number;
  average_per_day: number;
}

export interface Leaderboard {
  window_days: number;
  from: string;
  to: string;
  board: string;
  entries: LeaderboardEntry[];
}

export type ClosedGrouping = 'agent' | 'team' | 'day' | 'category' | 'channel';

/** Closed tickets over [from, to] by one grouping; days run oldest first, the rest largest first. */
export interface ClosedReport {
  from: string;
  to: string;
  group_by: ClosedGrouping;
  total: number;
  rows: { key: string; label: string; closed: number }[];
}

export interface ApiToken {
  id: number;
  user_id: number;
  name: string;
  created_at: string;
  /** When it last signed a request in (written within about a minute); null: never. */
  last_used_at?: string | null;
}

export interface SavedFilter {
  id: number;
  name: string;
  query: string;
}

export interface Category {
  id: number;
  name: string;
}

export type MailKind =
  | 'acknowledgement'
  | 'reply'
  | 'assignment'
  | 'transcript'
  | 'invitation'
  | 'escalation'
  | 'promise_reminder'
  | 'replacement';

export interface MailTemplate {
  kind: MailKind;
  subject: string;
  body: string;
  html: string;
  customised: boolean;
  placeholders: string[];
}

export interface List<T> {
  items: T[];
  next_cursor?: string | null;
}

/** A failed request: `detail` is the sentence to show, `fields` the per-input messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(detail);
  }
}

let csrfToken = '';
let unauthorized: () => void = () => {};

/** Called when a request answers 401 after sign-in (the session ended elsewhere). */
export function onUnauthorized(f: () => void) {
  unauthorized = f;
}

export function setCsrfToken(token: string | undefined) {
  csrfToken = token ?? '';
}

export interface Reply<T> {
  data: T;
  etag: string | null;
}

type Body = object | FormData | Blob | undefined;

/** One API call. Throws ApiError for any non-2xx answer (and for a network failure, status 0). */
export async function request<T>(
  method: string,
  path: string,
  body?: Body,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
  const h = init.headers as Record<string, string>;
  if (method !== 'GET' && csrfToken) h['X-CSRF-Token'] = csrfToken;
  if (body instanceof FormData || body instanceof Blob) {
    init.body = body; // the browser sets the type: multipart with its boundary, or the Blob's
  } else if (body !== undefined) {
    h['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (res.status === 401 && path !== '/session' && path !== '/me') unauthorized();
  if (!res.ok) throw await toError(res);
  const etag = res.headers.get('ETag');
  if (res.status === 204) return { data: undefined as T, etag };
  const text = await res.text();
  return { data: (text ? JSON.parse(text) : undefined) as T, etag };
}

export async function toError(res: Response): Promise<ApiError> {
  let detail = res.statusText || `Request failed (${res.status})`;
  const fields: Record<string, string> = {};
  try {
    const p = await res.json();
    if (p && typeof p.detail === 'string' && p.detail) detail = p.detail;
    else if (p && typeof p.title === 'string') detail = p.title;
    for (const e of p?.errors ?? []) {
      if (e && typeof e.field === 'string') fields[e.field] = String(e.message ?? 'is not valid');
    }
  } catch {
    // Not problem+json: keep the status text.
  }
  return new ApiError(res.status, detail, fields);
}

export const get = <T>(path: string) => request<T>('GET', path).then((r) => r.data);
export const post = <T>(path: string, body?: Body) => request<T>('POST', path, body).then((r) => r.data);
export const patch = <T>(path: string, body: Body, headers?: Record<string, string>) =>
  request<T>('PATCH', path, body, headers).then((r) => r.data);
export const put = <T>(path: string, body: Body) => request<T>('PUT', path, body).then((r) => r.data);
export const del = (path: string) => request<void>('DELETE', path).then(() => undefined);

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  }
  const s = u.toString();
  return s ? '?' + s : '';
}

export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.detail;
  if (e instanceof Error) return e.message;
  return String(e);
}

export function fieldErrors(e: unknown): Record<string, string> {
  return e instanceof ApiError ? e.fields : {};
}

export const isStaff = (me: Me | null) => !!me && (me.role === 'agent' || me.role === 'admin');
