// Admin: the wording of the mail Frontline sends — the acknowledgement of a new ticket, a
// technician's reply, the assignment notice, a chat's transcript, an invitation — with {{placeholders}}, a preview
// with sample values, and a way back to the built-in text. The server checks the wording (a subject about a ticket
// must keep [#{{ticket_number}}], which is how replies find their ticket) and names the field at fault.
import { useState } from 'preact/hooks';
import { get, type List, type MailKind, type MailTemplate, post, put, request } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useId, useTitle } from '../../components/common';

const TITLE: Record<MailKind, string> = {
  acknowledgement: 'Acknowledgement to the requester',
  reply: 'Reply to the requester',
  assignment: 'Assignment notice to the technician',
  transcript: 'Chat transcript to the customer',
  invitation: 'Invitation to a new account',
  escalation: 'Escalation notice to the requester',
  promise_reminder: 'Promise reminder to the technician',
  replacement: 'Hardware replacement news to the requester',
};
const WHEN: Record<MailKind, string> = {
  acknowledgement: 'Sent when a new ticket is opened.',
  reply: 'Sent with every public reply from a technician.',
  assignment: 'Sent to a technician when a ticket is assigned to them.',
  transcript: 'Sent to the customer when a live chat ends, with the whole conversation.',
  invitation: 'Sent when an admin invites someone: {{link}} is where they choose their password.',
  escalation: 'Sent to the requester when their ticket is escalated: {{escalated_to}} names who was brought in (never the internal summary).',
  promise_reminder: 'Sent to a technician before a promise they made is due: {{body}} is the promise, {{due_at}} its due time in UTC.',
  replacement:
    'Sent to the requester when a hardware replacement on their ticket is requested, changed, confirmed, shipped, delivered, returned or cancelled: {{replacement_status}} says which; when requested it asks them to fill in or confirm the address in the portal. Never the internal reason.',
};

export function AdminMailTemplates() {
  useTitle('Mail templates');
  const templates = useData(() => get<List<MailTemplate>>('/mail/templates').then((l) => l.items), []);
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="mail-title">
      <h1 id="mail-title">Mail templates</h1>
      <p class="muted">
        What Frontline writes when it emails people. Placeholders in double braces are filled in for each ticket.
      </p>
      <Notice text={notice} />
      <ErrorMessage text={templates.error} />
      {templates.data?.map((t) => (
        <TemplateEditor key={t.kind} template={t} onNotice={setNotice} />
      ))}
    </section>
  );
}

interface Rendered {
  subject: string;
  body: string;
  html: string;
}

function TemplateEditor({ template, onNotice }: { template: MailTemplate; onNotice: (text: string) => void }) {
  const id = useId('mail');
  const [saved, setSaved] = useState(template);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [html, setHtml] = useState(template.html);
  const [preview, setPreview] = useState<Rendered | null>(null);
  const { error, fields, clear, fail } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const title = TITLE[template.kind] ?? template.kind;
  const path = `/mail/templates/${template.kind}`;

  // One request at a time; field errors and the general error come from the server's answer.
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      clear();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const show = (t: MailTemplate) => {
    setSaved(t);
    setSubject(t.subject);
    setBody(t.body);
    setHtml(t.html);
    setPreview(null);
  };
  // A preview of text that has since changed would mislead: drop it on every edit.
  const edit = (set: (v: string) => void) => (e: Event) => {
    set((e.currentTarget as HTMLInputElement).value);
    setPreview(null);
  };

  return (
    <section class="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} {saved.customised && <span class="badge badge-customised">Customised</span>}
      </h2>
      <p class="muted">{WHEN[template.kind]}</p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            show(await put<MailTemplate>(path, { subject, body, html }));
            onNotice(`Saved the ${title.toLowerCase()}.`);
          });
        }}
      >
        <Field
          label="Subject"
          error={fields.subject}
          hint={
            template.kind === 'invitation'
              ? 'About no ticket: no ticket number needed.'
              : 'Keep [#{{ticket_number}}] in it: replies find their ticket by it.'
          }
        >
          {(p) => <input {...p} value={subject} onInput={edit(setSubject)} />}
        </Field>
        <Field label="Body" error={fields.body}>
          {(p) => <textarea {...p} rows={9} value={body} onInput={edit(setBody)} />}
        </Field>
        <Field
          label="HTML version (optional)"
          error={fields.html}
          hint="Sent next to the text for mail programs that show HTML; leave empty for text only. Values are escaped."
        >
          {(p) => <textarea {...p} rows={6} value={html} onInput={edit(setHtml)} />}
        </Field>
        <div class="placeholders">
          <span id={`${id}-ph`}>Placeholders:</span>
          <ul aria-labelledby={`${id}-ph`}>
            {saved.placeholders.map((name) => (
              <li key={name}>
                <code>{`{{${name}}}`}</code>
              </li>
            ))}
          </ul>
        </div>
        <ErrorMessage text={error} />
        <div class="actions">
          <button
            type="button"
            class="button-secondary"
            disabled={busy}
            onClick={() => void run(async () => setPreview(await post<Rendered>(`${path}/preview`, { subject, body, html })))}
          >
            Preview
          </button>
          <button type="submit" class="button" disabled={busy}>
            Save
          </button>
          {saved.customised && (
            <button
              type="button"
              class={confirming ? 'button button-danger' : 'button-secondary'}
              disabled={busy}
              onClick={() => {
                if (!confirming) {
                  setConfirming(true);
                  return;
                }
                setConfirming(false);
                void run(async () => {
                  show((await request<MailTemplate>('DELETE', path)).data);
                  onNotice(`The ${title.toLowerCase()} is back to the built-in text.`);
                });
              }}
            >
              {confirming ? 'Confirm: discard this wording' : 'Reset to the built-in text'}
            </button>
          )}
          {confirming && (
            <button type="button" class="button-quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {preview && (
          <section class="mail-preview" aria-labelledby={`${id}-preview`}>
            <h3 id={`${id}-preview`}>Preview with sample values</h3>
            <p>
              <strong>Subject:</strong> {preview.subject}
            </p>
            <div class="message-body">{preview.body}</div>
            {preview.html && (
              <>
                <h4>HTML source</h4>
                {/* Shown as source, never rendered: the preview is for checking, not a page. */}
                <pre class="message-body">{preview.html}</pre>
              </>
            )}
          </section>
        )}
      </div>
    </section>
  );
}
