// A service's contacts as every screen shows them (console, ticket, phone call, portal): how to
// reach them, the call tree as an ordered list of steps, hours in their time zone, and for staff
// the notes, escalation place and verification state (overdue flagged). Actions per contact
// (verify, report wrong) come from the screen through `actions`.
import type { ComponentChildren } from 'preact';
import type { CallTreeStep, ServiceContact } from '../services';
import { contactHref, contactKindLabel, escalationOrder, stepText, verificationText } from '../service_text';
import { Time } from './common';

/** The phone menu, in order: "1. Press 2: database team  2. Press 4: outages". */
export function CallTree({ steps, label }: { steps: CallTreeStep[]; label: string }) {
  if (steps.length === 0) return null;
  return (
    <ol class="call-tree" aria-label={label}>
      {steps.map((s, i) => (
        <li key={i}>{stepText(s)}</li>
      ))}
    </ol>
  );
}

function ContactValue({ contact }: { contact: ServiceContact }) {
  const href = contactHref(contact.kind, contact.value);
  if (!href) return <span class="contact-value">{contact.value}</span>;
  const external = contact.kind === 'web';
  return (
    <a class="contact-value" href={href} {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {contact.value}
    </a>
  );
}

interface ContactsProps {
  contacts: ServiceContact[];
  /** Staff see notes, escalation and verification; customers only how to reach them. */
  staff: boolean;
  nameOf?: (userId: number) => string;
  /** Buttons under a contact (verify, report wrong). */
  actions?: (c: ServiceContact) => ComponentChildren;
  /** Heading level of each contact's name inside the list (h3 under a section's h2). */
  headingLevel?: 3 | 4;
  empty?: string;
}

export function ServiceContacts({ contacts, staff, nameOf = (id) => `user #${id}`, actions, headingLevel = 3, empty = 'No contacts yet.' }: ContactsProps) {
  if (contacts.length === 0) return <p class="muted">{empty}</p>;
  const escalation = staff ? escalationOrder(contacts) : [];
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      <ul class="contact-list" aria-label="Contacts">
        {contacts.map((c) => {
          const place = escalation.indexOf(c) + 1;
          return (
            <li key={c.id} class={c.active === false ? 'contact contact-inactive' : 'contact'}>
              <H class="contact-head">
                <span class="contact-kind">{contactKindLabel(c.kind)}</span> <ContactValue contact={c} />
              </H>
              <p class="badges">
                {c.primary && <span class="badge status-open">Primary</span>}{' '}
                {place > 0 && <span class="badge">Escalation {place}</span>}{' '}
                {staff && c.active === false && <span class="badge status-closed">Inactive</span>}{' '}
                {staff && c.public === false && <span class="badge">Staff only</span>}{' '}
                {staff && c.overdue && <span class="badge priority-urgent">Overdue for review</span>}
              </p>
              <CallTree steps={c.call_tree} label={`Call tree for ${c.value}`} />
              {(c.hours || c.time_zone) && (
                <p>
                  Hours: {c.hours || 'not given'}
                  {c.time_zone && <span class="muted"> ({c.time_zone})</span>}
                </p>
              )}
              {staff && c.notes && <p class="contact-notes">Notes: {c.notes}</p>}
              {staff && (
                <p class="muted contact-verified">
                  {verificationText(c, nameOf)}
                  {c.last_verified_at && (
                    <>
                      {' '}
                      (<Time iso={c.last_verified_at} />)
                    </>
                  )}
                  {c.review_due_at && (
                    <>
                      {' · '}review {c.overdue ? 'was due' : 'due'} <Time iso={c.review_due_at} absolute />
                    </>
                  )}
                </p>
              )}
              {actions && <div class="actions">{actions(c)}</div>}
            </li>
          );
        })}
      </ul>
      {escalation.length > 1 && (
        <>
          <H>Escalation order</H>
          <ol class="mini-list" aria-label="Escalation order">
            {escalation.map((c) => (
              <li key={c.id}>
                {contactKindLabel(c.kind)} {c.value}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
