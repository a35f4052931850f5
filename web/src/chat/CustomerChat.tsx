// The customer's side of a chat, for the widget (an anonymous visitor) and the portal (a
// signed-in customer): the pre-chat form, then waiting in the queue, then the conversation, then
// the transcript and rating. The widget keeps the chat id and visitor token in sessionStorage,
// so reloading the page resumes the same chat; the portal finds the customer's open chat.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorText, fieldErrors, type List } from '../api';
import { chatCall, type ChatAuth } from './http';
import type { Chat, PreChat, StartedChat } from './protocol';
import { PreChatForm } from './PreChatForm';
import { ChatSession } from './ChatSession';

/** What a reload needs to resume: kept in sessionStorage by the widget. */
export interface Resume {
  id: number;
  ticket_number: number;
  token?: string;
  agents_available: boolean;
  queue_position: number | null;
}

const KEY = 'frontline.chat';

function loadResume(): Resume | null {
  try {
    const r = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    return r && typeof r.id === 'number' ? r : null;
  } catch {
    return null; // storage blocked or garbled: start afresh
  }
}

function saveResume(r: Resume | null) {
  try {
    if (r) sessionStorage.setItem(KEY, JSON.stringify(r));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked (privacy settings): the chat works, a reload just starts over.
  }
}

interface Props {
  /** 'visitor' for the widget, 'session' for a signed-in customer. */
  mode: 'visitor' | 'session';
  prefill?: { name: string; email: string };
}

export function CustomerChat({ mode, prefill }: Props) {
  const [current, setCurrent] = useState<Resume | null>(() => (mode === 'visitor' ? loadResume() : null));
  const [looking, setLooking] = useState(mode === 'session');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  // The pre-form's reads (categories, their questions): as a visitor without cookies, or the session.
  const load = useCallback(<T,>(path: string) => chatCall<T>(mode === 'visitor' ? { kind: 'visitor' } : { kind: 'session' }, 'GET', path), [mode]);

  // A signed-in customer may have a chat open from another tab or before a reload.
  useEffect(() => {
    if (mode !== 'session') return;
    let alive = true;
    void (async () => {
      try {
        for (const status of ['active', 'waiting']) {
          const l = await chatCall<List<Chat>>({ kind: 'session' }, 'GET', `/chats?status=${status}`);
          const c = l.items[0];
          if (c && alive) {
            setCurrent({ id: c.id, ticket_number: c.ticket_number, agents_available: true, queue_position: c.queue_position });
            break;
          }
        }
      } catch {
        // Nothing to resume, or the list is unavailable: offer a new chat.
      } finally {
        if (alive) setLooking(false);
      }
    })();
    return () => {
      alive = false;
    };
  }, [mode]);

  if (looking) return <p>Loading…</p>;

  if (!current) {
    return (
      <PreChatForm
        title={mode === 'visitor' ? 'Chat with support' : 'Before we start'}
        initial={prefill ?? { name: '', email: '' }}
        emailFixed={mode === 'session' && !!prefill?.email}
        busy={busy}
        error={error}
        fieldErrors={fields}
        load={load}
        onSubmit={async (p: PreChat) => {
          setBusy(true);
          try {
            const auth: ChatAuth = mode === 'visitor' ? { kind: 'visitor' } : { kind: 'session' };
            const s = await chatCall<StartedChat>(auth, 'POST', '/chats', p);
            const r: Resume = {
              id: s.id,
              ticket_number: s.ticket_number,
              token: s.visitor_token,
              agents_available: s.agents_available !== false,
              queue_position: s.queue_position ?? null,
            };
            if (mode === 'visitor') saveResume(r);
            setError('');
            setFields({});
            setCurrent(r);
          } catch (err) {
            setError(errorText(err));
            setFields(fieldErrors(err));
          } finally {
            setBusy(false);
          }
        }}
      />
    );
  }

  const auth: ChatAuth = mode === 'visitor' ? { kind: 'visitor', token: current.token } : { kind: 'session' };
  return (
    <ChatSession
      key={current.id}
      auth={auth}
      start={current}
      onNewChat={() => {
        saveResume(null);
        setCurrent(null);
      }}
    />
  );
}
