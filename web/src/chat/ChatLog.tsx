// The conversation of a chat as both sides see it: messages with author and time, status changes
// as centred lines, forms inline, files as download links, what is still being sent, and who is
// typing (for staff also a colleague writing an internal note on the ticket). It is a polite
// live region (role="log"), so a screen reader reads each new line without losing its place.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { FileLink } from './FileLink';
import type { ChatAuth } from './http';
import type { Pending } from './outbox';
import type { Author, Entry, FormRequestEntry, FormSubmittedEntry, Role } from './protocol';
import { FormRequest } from './FormRequest';
import { LinkedText } from './LinkedText';
import './chat.css';

interface Props {
  entries: readonly Entry[];
  pending: readonly Pending[];
  typing: Author | null;
  /** Staff: a colleague writing an internal note on the chat's ticket. */
  noteTyping?: Author | null;
  mine: ReadonlySet<string>;
  /** Whose view this is: the customer fills in forms, staff see them. */
  viewer: Role;
  onAnswerForm?: (requestSeq: number, values: Record<string, string>) => void;
  label: string;
  /** Whose files these are to download: the chat and how this person proves access. */
  chatId: number;
  auth: ChatAuth;
}

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function Clock({ iso }: { iso: string }) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return <time dateTime={iso}>{timeFmt.format(d)}</time>;
}

export function ChatLog({ entries, pending, typing, noteTyping, mine, viewer, onAnswerForm, label, chatId, auth }: Props) {
  const answers = new Map<number, FormSubmittedEntry>();
  for (const e of entries) if (e.type === 'form' && e.action === 'submitted') answers.set(e.request_seq, e);
  const answering = new Set(pending.flatMap((p) => (p.frame.type === 'form' ? [p.frame.request_seq] : [])));
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true); // showing the newest line: keep following new ones

  // Follow new lines unless the person scrolled up to read earlier ones.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [entries.length, pending.length]);

  return (
    <>
    <div
      class="chat-log"
      role="log"
      aria-live="polite"
      aria-label={label}
      tabIndex={0}
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      <ol>
        {entries.map((e) => {
          if (e.type === 'status') {
            return (
              <li key={e.seq} class="chat-status">
                <span>{e.text}</span>
              </li>
            );
          }
          if (e.type === 'form' && e.action === 'submitted') {
            // Shown inside the request it answers; a lone one (its request not loaded) stands alone.
            if (entries.some((r) => r.seq === e.request_seq)) return null;
            return (
              <li key={e.seq} class="chat-status">
                <span>{e.author.name} sent a form.</span>
              </li>
            );
          }
          const who = e.author.role === viewer ? 'chat-mine' : 'chat-theirs';
          return (
            <li key={e.seq} class={`chat-entry ${who}`}>
              <div class="chat-meta">
                <strong>{e.author.name}</strong>
                {e.author.role === 'agent' && viewer === 'customer' && <span class="muted"> (support)</span>}
                {' · '}
                <Clock iso={e.at} />
              </div>
              {e.type === 'message' && e.files?.length ? (
                <p class="chat-text">
                  Sent a file:
                  {e.files.map((f) => (
                    <FileLink key={f.id} auth={auth} chatId={chatId} file={f} />
                  ))}
                </p>
              ) : e.type === 'message' ? (
                <LinkedText text={e.body} />
              ) : (
                <RequestedForm entry={e} answer={answers.get(e.seq)} sending={answering.has(e.seq)} viewer={viewer} onAnswerForm={onAnswerForm} />
              )}
              {e.type === 'message' && e.client_id && mine.has(e.client_id) && <span class="chat-delivery">Sent</span>}
            </li>
          );
        })}
        {pending.map((p) =>
          p.frame.type === 'message' ? (
            <li key={p.frame.client_id} class="chat-entry chat-mine chat-pending">
              <div class="chat-meta">
                <strong>You</strong>
              </div>
              <LinkedText text={p.frame.body} />
              <span class="chat-delivery">{p.seq === null ? 'Sending…' : 'Sent'}</span>
            </li>
          ) : null,
        )}
      </ol>
    </div>
    <p class="chat-typing">
      {[typing && `${typing.name} is typing…`, noteTyping && `${noteTyping.name} is writing an internal note…`].filter(Boolean).join(' ')}
    </p>
    </>
  );
}

function RequestedForm({
  entry,
  answer,
  sending,
  viewer,
  onAnswerForm,
}: {
  entry: FormRequestEntry;
  answer: FormSubmittedEntry | undefined;
  sending: boolean;
  viewer: Role;
  onAnswerForm?: (requestSeq: number, values: Record<string, string>) => void;
}) {
  const canFill = viewer === 'customer' && onAnswerForm;
  return (
    <FormRequest
      form={entry.form}
      answers={answer ? answer.values : null}
      sending={sending}
      onSubmit={canFill ? (values) => onAnswerForm(entry.seq, values) : null}
    />
  );
}
