// One of the technician's active chats: who it is and what they tried, the conversation, the
// composer (Enter sends, Shift+Enter a new line) and the actions. Kept mounted while another
// tab shows, so its socket stays open and the tab can say something new arrived.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../../api';
import { ChatComposer } from '../../chat/ChatComposer';
import { ChatLog } from '../../chat/ChatLog';
import type { Chat } from '../../chat/protocol';
import { useChat } from '../../chat/useChat';
import { useFileSender } from '../../chat/useFileSender';
import { ErrorMessage } from '../../components/common';
import { Link } from '../../router';
import { ChatActions } from './ChatActions';
import { ChatAnswers } from './ChatAnswers';

interface Props {
  chat: Chat;
  me: Me;
  /** The customer said something (to mark a hidden tab). */
  onActivity: () => void;
  /** Transferred away or closed by the technician: drop the tab. */
  onGone: () => void;
}

export function ChatPanel({ chat, me, onActivity, onGone }: Props) {
  const { snap, conn } = useChat(chat.id, 'agent');
  const [text, setText] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const files = useFileSender({ kind: 'session' }, chat.id, conn);
  const seen = useRef(0);
  const current = snap.chat ?? chat;
  const ended = current.status === 'ended';
  // My own note on the ticket page in another tab is no news to me.
  const colleagueNote = snap.noteTyping?.name === me.name ? null : snap.noteTyping;

  useEffect(() => {
    const fromCustomer = snap.entries.filter((e) => e.type !== 'status' && 'author' in e && e.author.role === 'customer').length;
    if (fromCustomer > seen.current && seen.current > 0) onActivity();
    seen.current = fromCustomer;
  }, [snap.entries.length]);

  const who = chat.name || chat.email;
  return (
    <section class="chat-panel" aria-label={`Chat with ${who}`}>
      <header class="page-head">
        <div>
          <h2>
            {who} <span class="muted">— {chat.topic}</span>
          </h2>
          <p class="muted">
            {chat.email} · <Link href={`/console/tickets/${chat.ticket_number}`}>Ticket #{chat.ticket_number}</Link> (internal notes go there)
          </p>
        </div>
      </header>
      <ChatAnswers chat={current} />
      {(snap.state === 'reconnecting' || snap.state === 'connecting') && !ended && (
        <div class="chat-banner chat-reconnecting" role="status">
          <p>{snap.state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</p>
        </div>
      )}
      <ChatLog
        entries={snap.entries}
        pending={snap.pending}
        typing={snap.typing}
        noteTyping={colleagueNote}
        mine={snap.mine}
        viewer="agent"
        label={`Conversation with ${who}`}
        chatId={chat.id}
        auth={{ kind: 'session' }}
      />
      <ErrorMessage text={snap.problem} />
      {ended ? (
        <div class="chat-actions">
          <p>This chat has ended.</p>
          <button type="button" class="button-secondary" onClick={onGone}>
            Close this chat
          </button>
        </div>
      ) : (
        <ChatComposer
          value={text}
          onValue={setText}
          onSend={(body) => conn.say(body)}
          onTyping={() => conn.typing()}
          label={`Message to ${who}`}
          textRef={textRef}
          files={files}
        />
      )}
      <ChatActions
        chat={current}
        me={me}
        ended={ended}
        onGone={onGone}
        onInsert={(t) => {
          setText(text ? `${text}${text.endsWith('\n') ? '' : '\n'}${t}` : t);
          textRef.current?.focus();
        }}
      />
    </section>
  );
}
