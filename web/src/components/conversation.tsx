// A ticket's conversation (public replies and, for staff, internal notes that look unmistakably
// different: label, lock, yellow background, dashed border) and the composer that adds to it.
// Signatures and quoted earlier mail fold into <details> (see quoting.ts) so the new words stand out.
// A mail that came with HTML can be shown as sent ("Show as sent"), only ever inside a sandboxed
// iframe without scripts or same-origin; the text stays the default.
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { errorText, type Message, patch, post } from '../api';
import { ClipIcon, ErrorMessage, Field, formatBytes, LockIcon, Time, useFormErrors } from './common';
import { oversizedFiles } from '../limits';
import { LongText } from './LongText';
import { splitMessage } from './quoting';

export function Conversation({ messages, requesterId }: { messages: Message[]; requesterId: number }) {
  if (messages.length === 0) return <p class="empty">No messages yet.</p>;
  return (
    <ol class="conversation">
      {messages.map((m) => {
        const internal = m.kind === 'internal';
        const fromRequester = m.author.id === requesterId;
        return (
          <li key={m.id}>
            <article
              class={`message ${internal ? 'message-internal' : fromRequester ? 'message-customer' : 'message-public'}`}
              aria-label={`${internal ? 'Internal note' : 'Message'} from ${m.author.name}`}
            >
              <header class="message-head">
                {internal && (
                  <span class="internal-label">
                    <LockIcon /> Internal note · only staff can see this
                  </span>
                )}
                <strong>{m.author.name}</strong>
                {!internal && <span class="muted">{fromRequester ? ' (requester)' : ' replied'}</span>}
                {m.unverified_sender && <UnverifiedLabel />}
                <span class="muted">
                  {' · '}
                  <Time iso={m.created_at} />
                </span>
              </header>
              {m.html ? <SentOrText message={m} /> : <MessageBody body={m.body} />}
              {m.attachments.length > 0 && (
                <ul class="attachments" aria-label="Attachments">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={a.url} download={a.filename}>
                        <ClipIcon />{' '}
                        {a.filename}
                      </a>{' '}
                      <span class="muted">({formatBytes(a.size)})</span>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

// The receiving mail server did not vouch for the From: address, so anyone may have written it.
function UnverifiedLabel() {
  const why =
    'The mail server did not confirm this sender (no passing DMARC, SPF or DKIM result), so the From address may be forged. ' +
    'It added no Cc addresses, and mail from a staff address was kept as a note, not sent to the customer.';
  return (
    <span class="unverified-label" title={why} aria-label={`Unverified sender: ${why}`} role="note">
      Unverified sender
    </span>
  );
}

function MessageBody({ body }: { body: string }) {
  const { text, signature, quoted } = splitMessage(body);
  return (
    <>
      <LongText text={text} />
      {signature && <Folded summary="Show signature" text={signature} />}
      {quoted && <Folded summary="Show quoted text" text={quoted} />}
    </>
  );
}

function SentOrText({ message }: { message: Message }) {
  const [asSent, setAsSent] = useState(false);
  return (
    <>
      <p class="as-sent-toggle">
        <button type="button" class="button-quiet button-small" aria-pressed={asSent} onClick={() => setAsSent(!asSent)}>
          {asSent ? 'Show as text' : 'Show as sent'}
        </button>
      </p>
      {asSent ? <SentHtml html={message.html!} title={`The message from ${message.author.name} as sent`} /> : <MessageBody body={message.body} />}
    </>
  );
}

// The server already removed scripts, handlers and remote content; the frame is the second wall:
// sandbox="" (no scripts, no forms, no same-origin, no pop-ups) and a policy of its own that
// loads nothing from anywhere. Without same-origin the page cannot measure the frame's content,
// so its height is guessed from the HTML's size, at most 600 px, and the reader can drag it taller.
function SentHtml({ html, title }: { html: string; title: string }) {
  const doc =
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">` +
    '<style>body{font-family:system-ui,sans-serif;font-size:15px;line-height:1.45;color:#1b1f24;margin:8px;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>' +
    `</head><body>${html}</body></html>`;
  const blocks = (html.match(/<(br|p|div|tr|li|h[1-6])\b/gi) ?? []).length;
  // Markup makes up much of a mail's HTML: about 150 characters per line of text is a fair guess.
  const height = Math.min(600, Math.max(140, 40 + 22 * (blocks + Math.ceil(html.length / 150))));
  return (
    <div class="sent-html" style={{ height: `${height}px` }}>
      <iframe sandbox="" srcdoc={doc} title={title} referrerpolicy="no-referrer" />
    </div>
  );
}

function Folded({ summary, text }: { summary: string; text: string }) {
  return (
    <details class="folded">
      <summary>{summary}</summary>
      <LongText text={text} />
    </details>
  );
}

export type ComposeMode = 'public' | 'internal';

interface ComposerProps {
  number: number;
  staff: boolean;
  mode: ComposeMode;
  onMode: (m: ComposeMode) => void;
  onSent: () => void;
  textRef?: Ref<HTMLTextAreaElement>;
  disabledReason?: string;
  /** Staff writing a reply or an internal note (called on every keystroke; the callee throttles). */
  onTyping?: (internal: boolean) => void;
}

export function Composer({ number, staff, mode, onMode, onSent, textRef, disabledReason, onTyping }: ComposerProps) {
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, clear, fail } = useFormErrors();
  const internal = staff && mode === 'internal';

  if (disabledReason) return <p class="notice">{disabledReason}</p>;

  // Staff may send a reply and set the status in one action ("Send and set Pending").
  const send = async (thenStatus?: 'pending' | 'resolved') => {
    if (!body.trim()) {
      setFields({ body: 'Write a message first.' });
      return;
    }
    const tooBig = await oversizedFiles(files);
    if (tooBig) {
      setFields({ files: tooBig });
      return;
    }
    setBusy(true);
    try {
      const kind = internal ? 'internal' : 'public';
      if (files.length > 0) {
        const form = new FormData();
        form.set('body', body);
        form.set('kind', kind);
        for (const f of files) form.append('files', f, f.name);
        await post(`/tickets/${number}/messages`, form);
      } else {
        await post(`/tickets/${number}/messages`, { kind, body });
      }
      setBody('');
      setFiles([]);
      setFileKey((k) => k + 1);
      clear();
    } catch (err) {
      fail(err);
      setBusy(false);
      return;
    }
    try {
      // The status alone, without If-Match: nobody's other edits are at stake.
      if (thenStatus) await patch(`/tickets/${number}`, { status: thenStatus });
    } catch (err) {
      setError(`Your reply was sent, but the status was not changed. ${errorText(err)}`);
    } finally {
      onSent();
      setBusy(false);
    }
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void send();
  };

  const label = internal ? 'Internal note (only staff will see it)' : staff ? 'Reply to the customer' : 'Your reply';
  return (
    <form class={`composer ${internal ? 'composer-internal' : ''}`} onSubmit={submit} aria-label="Write a message">
      {staff && (
        <fieldset class="segmented">
          <legend class="sr-only">Message type</legend>
          <label class={mode === 'public' ? 'on' : ''}>
            <input type="radio" name={`kind-${number}`} value="public" checked={mode === 'public'} onChange={() => onMode('public')} />
            Reply <kbd aria-hidden="true">r</kbd>
          </label>
          <label class={mode === 'internal' ? 'on' : ''}>
            <input type="radio" name={`kind-${number}`} value="internal" checked={mode === 'internal'} onChange={() => onMode('internal')} />
            <LockIcon /> Internal note <kbd aria-hidden="true">n</kbd>
          </label>
        </fieldset>
      )}
      <Field label={label} error={fields.body} hint="Ctrl+Enter sends.">
        {(p) => (
          <textarea
            {...p}
            ref={textRef}
            rows={5}
            value={body}
            onInput={(e) => {
              setBody(e.currentTarget.value);
              if (staff && e.currentTarget.value.trim()) onTyping?.(internal);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                if (!busy) void send();
              }
            }}
          />
        )}
      </Field>
      <Field label="Attachments" error={fields.files} hint="Optional. Up to 25 MB each.">
        {(p) => (
          <input
            {...p}
            key={fileKey}
            type="file"
            multiple
            onChange={(e) => {
              const chosen = Array.from(e.currentTarget.files ?? []);
              setFiles(chosen);
              void oversizedFiles(chosen).then((tooBig) => setFields(tooBig ? { files: tooBig } : {}));
            }}
          />
        )}
      </Field>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class={internal ? 'button button-note' : 'button'} disabled={busy}>
          {busy ? 'Sending…' : internal ? 'Add internal note' : 'Send reply'}
        </button>
        {staff && !internal && (
          <>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => void send('pending')}>
              Send and set Pending
            </button>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => void send('resolved')}>
              Send and set Resolved
            </button>
          </>
        )}
      </div>
    </form>
  );
}
