// The technicians' chat desk: chats waiting for someone (the pre-chat answers first, the
// technician flag and the steps already tried highlighted) with Accept, and my active chats as
// tabs, several at once. Lists follow the live feed's chat.* events.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, get, type List, type Me, post } from '../../api';
import type { Chat } from '../../chat/protocol';
import { setSoundWanted, soundWanted } from '../../chat/sound';
import { ErrorMessage, Time, useTitle } from '../../components/common';
import { useLiveRefresh } from '../../live';
import { Link } from '../../router';
import { ChatAnswers } from './ChatAnswers';
import { ChatPanel } from './ChatPanel';

export function ChatsScreen({ me }: { me: Me }) {
  useTitle('Chats');
  const [waiting, setWaiting] = useState<Chat[] | null>(null);
  const [active, setActive] = useState<Chat[]>([]);
  const [mine, setMine] = useState<Chat[]>([]); // my tabs: active ones, and ended ones until closed
  const [selected, setSelected] = useState<number | null>(null);
  const [unread, setUnread] = useState<Set<number>>(new Set());
  const [error, setError] = useState('');
  const [sound, setSound] = useState(soundWanted());
  const closed = useRef(new Set<number>());

  const load = async () => {
    try {
      const [w, a] = await Promise.all([get<List<Chat>>('/chats?status=waiting'), get<List<Chat>>('/chats?status=active')]);
      setWaiting(w.items);
      setActive(a.items);
      const myActive = a.items.filter((c) => c.agent?.id === me.id && !closed.current.has(c.id));
      setMine((tabs) => {
        // A tab whose chat is no longer active has ended: it stays (its panel says so, the
        // transcript is on the ticket) until the technician closes it.
        const ended = tabs.filter((t) => !closed.current.has(t.id) && !a.items.some((c) => c.id === t.id));
        return [...myActive, ...ended];
      });
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };

  useEffect(() => void load(), []);
  useLiveRefresh((e) => e.type.startsWith('chat.'), () => void load(), 200);

  useEffect(() => {
    if (mine.length > 0 && (selected === null || !mine.some((c) => c.id === selected))) setSelected(mine[0].id);
  }, [mine, selected]);

  const accept = async (c: Chat) => {
    try {
      const accepted = await post<Chat>(`/chats/${c.id}/accept`);
      setMine((tabs) => [...tabs.filter((t) => t.id !== accepted.id), accepted]);
      setSelected(accepted.id);
      setError('');
      void load();
    } catch (e) {
      setError(errorText(e));
      void load();
    }
  };

  const close = (id: number) => {
    closed.current.add(id);
    setMine((tabs) => tabs.filter((t) => t.id !== id));
    void load();
  };

  const others = active.filter((c) => c.agent?.id !== me.id);
  return (
    <section aria-labelledby="chats-title">
      <div class="page-head">
        <h1 id="chats-title">Chats</h1>
        <label class="check">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              setSound(e.currentTarget.checked);
              setSoundWanted(e.currentTarget.checked);
            }}
          />
          Play a sound when a chat waits
        </label>
      </div>
      <ErrorMessage text={error} />

      <section aria-labelledby="waiting-title" class="panel">
        <h2 id="waiting-title">Waiting {waiting ? `(${waiting.length})` : ''}</h2>
        {waiting === null ? (
          <p>Loading…</p>
        ) : waiting.length === 0 ? (
          <p class="empty">Nobody is waiting.</p>
        ) : (
          <ul class="chat-waiting">
            {waiting.map((c) => (
              <li key={c.id} class={`chat-card ${c.technician ? 'chat-card-technician' : ''}`} aria-label={`${c.name || c.email}: ${c.topic}`}>
                <h3>{c.topic}</h3>
                <p>
                  {c.name && <strong>{c.name} </strong>}
                  <span class="muted">
                    {c.email} · waiting since <Time iso={c.created_at} /> · <Link href={`/console/tickets/${c.ticket_number}`}>Ticket #{c.ticket_number}</Link>
                  </span>
                </p>
                <ChatAnswers chat={c} />
                <button type="button" class="button" onClick={() => void accept(c)} aria-label={`Accept the chat with ${c.name || c.email}`}>
                  Accept
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mine-title">
        <h2 id="mine-title">My chats</h2>
        {mine.length === 0 ? (
          <p class="empty">You have no open chats. Accept one above.</p>
        ) : (
          <>
            <Tabs chats={mine} selected={selected} unread={unread} onSelect={(id) => (setSelected(id), setUnread((u) => withOut(u, id)))} />
            {mine.map((c) => (
              <div key={c.id} role="tabpanel" id={`chat-panel-${c.id}`} aria-labelledby={`chat-tab-${c.id}`} hidden={c.id !== selected}>
                <ChatPanel
                  chat={c}
                  me={me}
                  onActivity={() => {
                    if (c.id !== selected) setUnread((u) => new Set([...u, c.id]));
                  }}
                  onGone={() => close(c.id)}
                />
              </div>
            ))}
          </>
        )}
      </section>

      {others.length > 0 && (
        <section aria-labelledby="others-title">
          <h2 id="others-title">Other technicians’ chats</h2>
          <ul class="mini-list">
            {others.map((c) => (
              <li key={c.id}>
                {c.name || c.email} — {c.topic} · {c.agent?.name ?? 'nobody'} ·{' '}
                <Link href={`/console/tickets/${c.ticket_number}`}>Ticket #{c.ticket_number}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function withOut(s: Set<number>, id: number): Set<number> {
  const n = new Set(s);
  n.delete(id);
  return n;
}

// The tab pattern: arrows move between chats, Home/End jump to the ends.
function Tabs({ chats, selected, unread, onSelect }: { chats: Chat[]; selected: number | null; unread: Set<number>; onSelect: (id: number) => void }) {
  const move = (e: KeyboardEvent, i: number) => {
    const last = chats.length - 1;
    const to = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1;
    if (to < 0) return;
    e.preventDefault();
    onSelect(chats[to].id);
    document.getElementById(`chat-tab-${chats[to].id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="My chats" class="chat-tabs">
      {chats.map((c, i) => (
        <button
          key={c.id}
          type="button"
          role="tab"
          id={`chat-tab-${c.id}`}
          aria-selected={c.id === selected}
          aria-controls={`chat-panel-${c.id}`}
          tabIndex={c.id === selected ? 0 : -1}
          onClick={() => onSelect(c.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {c.name || c.email}
          {unread.has(c.id) && (
            <>
              <span class="chat-unread" aria-hidden="true" />
              <span class="sr-only"> (new messages)</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
