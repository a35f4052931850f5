// One chat in progress, the customer's view: where they are in the queue (or that nobody is on
// line and the chat became a ticket answered by email), whether the connection is live, the
// conversation, the composer and "End chat"; after the end, the transcript and rating.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText } from '../api';
import { ErrorMessage } from '../components/common';
import { ChatComposer } from './ChatComposer';
import { ChatLog } from './ChatLog';
import type { Resume } from './CustomerChat';
import { EndOfChat } from './EndOfChat';
import { chatCall, type ChatAuth } from './http';
import type { Chat } from './protocol';
import { useChat } from './useChat';
import { useFileSender } from './useFileSender';

const POSITION_POLL_MS = 10_000;

export function ChatSession({ auth, start, onNewChat }: { auth: ChatAuth; start: Resume; onNewChat: () => void }) {
  const { snap, conn } = useChat(start.id, 'customer', auth.kind === 'visitor' ? auth.token : undefined);
  const [text, setText] = useState('');
  const [polled, setPolled] = useState<Chat | null>(null);
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState('');
  const files = useFileSender(auth, start.id, conn);

  const chat = snap.chat ?? polled;
  // "End chat" answers with the ended chat before the socket brings the status line.
  const status = polled?.status === 'ended' ? 'ended' : (snap.chat?.status ?? polled?.status ?? 'waiting');
  // Nobody on line: the server also writes that into the log; the banner says it until then.
  const unavailableLine = snap.entries.some((e) => e.type === 'status' && e.reason === 'unavailable');
  const unavailable = !start.agents_available || unavailableLine;
  const position = polled?.queue_position ?? snap.chat?.queue_position ?? start.queue_position;

  // A resumed chat may be gone (its token no longer valid): then start afresh instead of
  // reconnecting forever.
  useEffect(() => {
    chatCall<Chat>(auth, 'GET', `/chats/${start.id}`).then(setPolled, (e) => {
      if (e instanceof ApiError && [401, 403, 404].includes(e.status)) onNewChat();
    });
  }, [start.id]);

  // The queue position is no log entry: while waiting, ask for it now and then.
  useEffect(() => {
    if (status !== 'waiting' || unavailable) return;
    const timer = window.setInterval(() => {
      chatCall<Chat>(auth, 'GET', `/chats/${start.id}`).then(setPolled, () => {});
    }, POSITION_POLL_MS);
    return () => window.clearInterval(timer);
  }, [status, unavailable, start.id]);

  const ended = status === 'ended';
  return (
    <section class="chat-session" aria-label="Chat">
      {status === 'waiting' && !unavailableLine && (
        <div class="chat-banner" role="status">
          {unavailable ? (
            <p>No technician is available right now. Your chat is ticket #{start.ticket_number}; we will answer by email.</p>
          ) : (
            <p>
              Waiting for a technician.{' '}
              {position ? (position === 1 ? 'You are next in the queue.' : `You are number ${position} in the queue.`) : ''}
            </p>
          )}
        </div>
      )}
      {(snap.state === 'reconnecting' || snap.state === 'connecting') && !ended && (
        <div class="chat-banner chat-reconnecting" role="status">
          <p>{snap.state === 'connecting' ? 'Connecting…' : 'Reconnecting…'}</p>
          {snap.state === 'reconnecting' && (
            <button type="button" class="button-quiet button-small" onClick={() => conn.reconnectNow()}>
              Try now
            </button>
          )}
        </div>
      )}
      <ChatLog
        entries={snap.entries}
        pending={snap.pending}
        typing={snap.typing}
        mine={snap.mine}
        viewer="customer"
        label="Conversation"
        chatId={start.id}
        auth={auth}
        onAnswerForm={(seq, values) => conn.answerForm(seq, values)}
      />
      <ErrorMessage text={error || snap.problem} />
      {ended ? (
        <EndOfChat auth={auth} chatId={start.id} ticketNumber={start.ticket_number} rated={polled?.rating ?? chat?.rating ?? null} onNewChat={onNewChat} />
      ) : (
        <>
          <ChatComposer
            value={text}
            onValue={setText}
            onSend={(body) => conn.say(body)}
            onTyping={() => conn.typing()}
            label="Write a message"
            files={files}
          />
          <div class="chat-actions">
            <button
              type="button"
              class="button-quiet"
              disabled={ending}
              onClick={async () => {
                setEnding(true);
                try {
                  const c = await chatCall<Chat>(auth, 'POST', `/chats/${start.id}/end`, {});
                  setPolled(c);
                  setError('');
                } catch (e) {
                  setError(errorText(e));
                } finally {
                  setEnding(false);
                }
              }}
            >
              End chat
            </button>
          </div>
        </>
      )}
    </section>
  );
}
