// The service directory's words and small conversions, kept free of Preact and fetch so the web
// unit tests (web/tests/service_text.test.mjs) can run them in node: call-tree steps as text and
// back from the editor's rows, contact links that are safe to follow, verification sentences,
// orphan reasons, and the server's "contacts[2].value" field errors split per contact.
import type { CallTreeStep, ContactKind, OrphanReason, ServiceContact, VerificationMethod, VerificationResult } from './services';

interface TeamLike {
  id: number;
  name: string;
  member_ids: number[];
}

/** One step as a person reads it: "Press 2: database team", "Press 4", or the text alone. */
export function stepText(step: CallTreeStep): string {
  const press = step.press.trim();
  const then = step.then.trim();
  if (press && then) return `Press ${press}: ${then}`;
  if (press) return `Press ${press}`;
  return then;
}

/** The whole menu on one line, for a list of search results: "Press 2: database team → Press 4". */
export function callTreeLine(steps: CallTreeStep[]): string {
  return steps.map(stepText).filter(Boolean).join(' → ');
}

/** The editor's rows as the API takes them: trimmed, and rows with nothing in them dropped. */
export function stepsFromRows(rows: CallTreeStep[]): CallTreeStep[] {
  return rows.map((r) => ({ press: r.press.trim(), then: r.then.trim() })).filter((r) => r.press || r.then);
}

/** Lines of a text box (URLs, one per line) without blanks. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A comma-separated list (keywords) without blanks or repeats (ignoring case). */
export function commaList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(',')) {
    const word = part.trim();
    if (!word || seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    out.push(word);
  }
  return out;
}

const KIND_LABEL: Record<ContactKind, string> = { phone: 'Phone', email: 'Email', web: 'Web form' };
export const contactKindLabel = (k: ContactKind) => KIND_LABEL[k] ?? k;

/**
 * Where a contact's value leads when followed: tel: for a phone number, mailto: for an address,
 * the address itself for a web form — only http(s), so a value like "javascript:…" stays text.
 */
export function contactHref(kind: ContactKind, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  if (kind === 'phone') {
    const dial = v.replace(/[^\d+*#,]/g, '');
    return /\d/.test(dial) ? `tel:${dial}` : null;
  }
  if (kind === 'email') return /^[^\s@:/]+@[^\s@/]+$/.test(v) ? `mailto:${v}` : null;
  return /^https?:\/\/[^\s]+$/i.test(v) ? v : null;
}

const HOW: Record<VerificationMethod, string> = { called: 'called', emailed: 'emailed', web_form: 'used the web form', other: 'checked' };
const RESULT: Record<VerificationResult, string> = { works: 'it works', wrong: 'it is wrong', no_answer: 'no answer' };
export const verificationMethodLabel = (m: VerificationMethod) => HOW[m] ?? m;
export const verificationResultLabel = (r: VerificationResult) => RESULT[r] ?? r;

/** "Ann Lee called: it works" (the time is shown next to it), or "Never verified". */
export function verificationText(c: Pick<ServiceContact, 'last_verified_at' | 'verified_by' | 'verified_how' | 'verified_result'>, nameOf: (id: number) => string): string {
  if (!c.last_verified_at) return 'Never verified';
  const who = c.verified_by ? nameOf(c.verified_by) : 'Someone';
  const how = c.verified_how ? verificationMethodLabel(c.verified_how) : 'checked';
  const result = c.verified_result ? `: ${verificationResultLabel(c.verified_result)}` : '';
  return `${who} ${how}${result}`;
}

const ORPHAN_REASON: Record<OrphanReason, string> = {
  no_active_contact: 'No active contact',
  no_team: 'No owning team',
  team_without_members: 'The team has no active members',
  all_contacts_overdue: 'Every contact is overdue for review',
};
export const orphanReasonText = (r: OrphanReason) => ORPHAN_REASON[r] ?? r.replace(/_/g, ' ');

/** Escalation contacts in the order to try them (by escalation_order, then as listed). */
export function escalationOrder<T extends Pick<ServiceContact, 'escalation' | 'escalation_order'>>(contacts: T[]): T[] {
  return contacts
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.escalation)
    .sort((a, b) => (a.c.escalation_order ?? Infinity) - (b.c.escalation_order ?? Infinity) || a.i - b.i)
    .map(({ c }) => c);
}

/** A service's contacts in the order to offer them for an escalation: escalation contacts first
 * (in their order), then the rest as listed, inactive ones last. */
export function contactsToOffer<T extends Pick<ServiceContact, 'escalation' | 'escalation_order' | 'active'>>(contacts: T[]): T[] {
  const first = escalationOrder(contacts);
  const all = [...first, ...contacts.filter((c) => !first.includes(c))];
  return [...all.filter((c) => c.active !== false), ...all.filter((c) => c.active === false)];
}

/** The team whose overdue contacts to show: the one asked for (?team=), else the first the user is
 * in, else the first team; null when there are none. */
export function defaultTeam<T extends TeamLike>(teams: T[], userId: number, asked: string | null): T | null {
  const byId = asked ? teams.find((t) => String(t.id) === asked) : undefined;
  return byId ?? teams.find((t) => t.member_ids.includes(userId)) ?? teams[0] ?? null;
}

/** What a catalog import did, in one line: "2 services created, 1 updated, 1 document skipped." */
export function importSummaryLine(r: { created: number; updated: number; skipped: unknown[] }): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const parts = [`${n(r.created, 'service', 'services')} created`, `${r.updated} updated`];
  if (r.skipped.length) parts.push(`${n(r.skipped.length, 'document', 'documents')} skipped`);
  return parts.join(', ') + '.';
}

/**
 * The server's field errors split into the service's own ("name", "urls") and each contact's,
 * by its place in the list: "contacts[2].time_zone" → contacts[2].time_zone. An error on the
 * whole list ("contacts": two primaries) stays with the service's own.
 */
export function splitFieldErrors(fields: Record<string, string>): { service: Record<string, string>; contacts: Record<number, Record<string, string>> } {
  const service: Record<string, string> = {};
  const contacts: Record<number, Record<string, string>> = {};
  for (const [field, message] of Object.entries(fields)) {
    const m = /^contacts\[(\d+)\]\.?(.*)$/.exec(field);
    if (!m) {
      service[field] = message;
      continue;
    }
    const at = Number(m[1]);
    const key = (m[2] || 'contact').replace(/\[\d+\].*$/, '');
    (contacts[at] ??= {})[key] = message;
  }
  return { service, contacts };
}
