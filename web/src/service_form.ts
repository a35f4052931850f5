// The service editor's model, free of Preact so web/tests/service_form.test.mjs can run it:
// a service and its contacts as the form's text fields (rows), the request body built back from
// them, and the checks made before sending — with the server's field names
// ("contacts[1].value"), so its errors and ours land on the same inputs.
import type { CallTreeStep, ContactDraft, ContactKind, Service, ServiceContact, ServiceRevision } from './services';
import { commaList, lines, stepsFromRows } from './service_text';

export const DEFAULT_REVIEW_DAYS = 180;

/** One contact in the form; `key` tells rows apart while none has an id yet. */
export interface ContactRow {
  key: number;
  id?: number;
  kind: ContactKind;
  value: string;
  steps: CallTreeStep[];
  hours: string;
  time_zone: string;
  public: boolean;
  escalation: boolean;
  escalation_order: string;
  primary: boolean;
  active: boolean;
  notes: string;
  review_interval_days: string;
}

export interface ServiceForm {
  name: string;
  description: string;
  urls: string; // one per line
  keywords: string; // comma-separated
  team_id: string; // "" for none
  public: boolean;
  contacts: ContactRow[];
}

let rowSeq = 0;

export function newContactRow(kind: ContactKind = 'phone'): ContactRow {
  return {
    key: ++rowSeq,
    kind,
    value: '',
    steps: [],
    hours: '',
    time_zone: '',
    public: false,
    escalation: false,
    escalation_order: '',
    primary: false,
    active: true,
    notes: '',
    review_interval_days: String(DEFAULT_REVIEW_DAYS),
  };
}

/** A contact as read (GET, or a revision's snapshot) as a form row. */
export function rowFromContact(c: Partial<ServiceContact> | Partial<ContactDraft>): ContactRow {
  return {
    ...newContactRow(c.kind ?? 'phone'),
    id: c.id,
    value: c.value ?? '',
    steps: (c.call_tree ?? []).map((s) => ({ press: s.press ?? '', then: s.then ?? '' })),
    hours: c.hours ?? '',
    time_zone: c.time_zone ?? '',
    public: !!c.public,
    escalation: !!c.escalation,
    escalation_order: c.escalation && c.escalation_order ? String(c.escalation_order) : '',
    primary: !!c.primary,
    active: c.active !== false,
    notes: c.notes ?? '',
    review_interval_days: String(c.review_interval_days ?? DEFAULT_REVIEW_DAYS),
  };
}

export function formFromService(s?: Service): ServiceForm {
  if (!s) return { name: '', description: '', urls: '', keywords: '', team_id: '', public: false, contacts: [] };
  return {
    name: s.name,
    description: s.description,
    urls: s.urls.join('\n'),
    keywords: s.keywords.join(', '),
    team_id: s.team_id ? String(s.team_id) : '',
    public: s.public,
    contacts: s.contacts.map(rowFromContact),
  };
}

/** The contact as the API takes it; escalation_order is left out when not given (list order). */
export function contactFromRow(r: ContactRow): ContactDraft {
  const order = r.escalation && r.escalation_order.trim() ? Number(r.escalation_order.trim()) : undefined;
  return {
    ...(r.id ? { id: r.id } : {}),
    kind: r.kind,
    value: r.value.trim(),
    call_tree: stepsFromRows(r.steps),
    hours: r.hours.trim(),
    time_zone: r.time_zone.trim(),
    public: r.public,
    escalation: r.escalation,
    ...(order !== undefined ? { escalation_order: order } : {}),
    primary: r.primary,
    active: r.active,
    notes: r.notes.trim(),
    review_interval_days: Number(r.review_interval_days.trim() || DEFAULT_REVIEW_DAYS),
  };
}

/** The POST body, or a PATCH body (a PATCH may send every part: unchanged parts change nothing). */
export function serviceBody(f: ServiceForm) {
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    urls: lines(f.urls),
    keywords: commaList(f.keywords),
    team_id: f.team_id ? Number(f.team_id) : null,
    public: f.public,
    contacts: f.contacts.map(contactFromRow),
  };
}

const wholeIn = (text: string, lo: number, hi: number) => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return false;
  const n = Number(t);
  return n >= lo && n <= hi;
};

/** What to fix before sending, by the server's field names; empty when the form can be sent. */
export function formProblems(f: ServiceForm): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.name.trim()) out.name = 'Enter the service’s name.';
  f.contacts.forEach((r, i) => {
    const at = `contacts[${i}]`;
    if (!r.value.trim()) {
      out[`${at}.value`] = r.kind === 'phone' ? 'Enter the phone number.' : r.kind === 'email' ? 'Enter the email address.' : 'Enter the web form’s address.';
    }
    if (!wholeIn(r.review_interval_days, 1, 3650)) out[`${at}.review_interval_days`] = 'Enter a number of days from 1 to 3650.';
    if (r.escalation && r.escalation_order.trim() && !wholeIn(r.escalation_order, 1, 999)) {
      out[`${at}.escalation_order`] = 'Enter its place among the escalation contacts: 1 is tried first.';
    }
  });
  if (f.contacts.filter((r) => r.primary).length > 1) out.contacts = 'Only one contact can be the primary one.';
  return out;
}

/** Marks one row primary and clears the others (at most one primary contact). */
export function makePrimary(rows: ContactRow[], key: number, on: boolean): ContactRow[] {
  return rows.map((r) => (r.key === key ? { ...r, primary: on } : on ? { ...r, primary: false } : r));
}

/** The parts of a service one revision changed from the one before it (the creation: none). */
export function changedParts(before: ServiceRevision['snapshot'], after: ServiceRevision['snapshot']): string[] {
  if (!before || !after) return [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: string[] = [];
  if (before.name !== after.name) out.push('name');
  if (before.description !== after.description) out.push('description');
  if (!same(before.urls, after.urls)) out.push('web addresses');
  if (!same(before.keywords, after.keywords)) out.push('keywords');
  if (before.team_id !== after.team_id) out.push('team');
  if (before.public !== after.public) out.push('visibility');
  if (!same(before.contacts, after.contacts)) out.push('contacts');
  return out;
}
