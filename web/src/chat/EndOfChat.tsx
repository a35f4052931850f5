// After a chat: the transcript to keep, and a 1–5 rating (with an optional comment) once.
import { useState } from 'preact/hooks';
import { errorText } from '../api';
import { ErrorMessage, Field, Notice } from '../components/common';
import { chatCall, type ChatAuth, downloadTranscript } from './http';

interface Props {
  auth: ChatAuth;
  chatId: number;
  ticketNumber: number;
  rated: number | null;
  onNewChat?: () => void;
}

const RATINGS = ['1 – poor', '2', '3', '4', '5 – excellent'];

export function EndOfChat({ auth, chatId, ticketNumber, rated, onNewChat }: Props) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(rated !== null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  return (
    <section class="chat-end" aria-labelledby="chat-end-title">
      <h2 id="chat-end-title">The chat has ended</h2>
      <p>
        Your conversation is kept on ticket #{ticketNumber}. Reply to our email to continue it.
      </p>
      <button
        type="button"
        class="button-secondary"
        onClick={async () => {
          try {
            await downloadTranscript(auth, chatId, ticketNumber);
            setError('');
            setNotice('The transcript is downloading.');
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        Download transcript
      </button>
      {done ? (
        <p role="status">Thank you for your rating.</p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!rating) {
              setError('Choose a rating from 1 to 5 first.');
              return;
            }
            setBusy(true);
            try {
              await chatCall(auth, 'POST', `/chats/${chatId}/rating`, { rating, comment: comment.trim() });
              setError('');
              setDone(true);
            } catch (err) {
              setError(errorText(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <fieldset class="rating">
            <legend>How did we do?</legend>
            {RATINGS.map((label, i) => (
              <label key={label} class="check">
                <input type="radio" name={`rating-${chatId}`} value={String(i + 1)} checked={rating === i + 1} onChange={() => setRating(i + 1)} />
                {label}
              </label>
            ))}
          </fieldset>
          <Field label="Anything to add? (optional)">
            {(a) => <textarea {...a} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="button" disabled={busy}>
            Send rating
          </button>
        </form>
      )}
      <ErrorMessage text={error} />
      <Notice text={notice} />
      {onNewChat && (
        <button type="button" class="button-quiet" onClick={onNewChat}>
          Start a new chat
        </button>
      )}
    </section>
  );
}
