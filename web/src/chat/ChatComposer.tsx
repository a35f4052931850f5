// Where a chat message is written: Enter sends, Shift+Enter starts a new line; typing tells the
// other side (throttled by the connection). The text is the caller's state, so the technician's
// canned responses can be inserted into it.
import type { Ref } from 'preact';
import { useId } from '../components/common';

interface Props {
  value: string;
  onValue: (v: string) => void;
  onSend: (body: string) => void;
  onTyping: () => void;
  label: string;
  disabled?: boolean;
  textRef?: Ref<HTMLTextAreaElement>;
}

export function ChatComposer({ value, onValue, onSend, onTyping, label, disabled, textRef }: Props) {
  const id = useId('say');
  const send = () => {
    const body = value.trim();
    if (!body || disabled) return;
    onSend(body);
    onValue('');
  };
  return (
    <form
      class="chat-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label for={id} class="sr-only">
        {label}
      </label>
      <textarea
        id={id}
        ref={textRef}
        rows={2}
        value={value}
        placeholder={label}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onInput={(e) => {
          onValue(e.currentTarget.value);
          if (e.currentTarget.value.trim()) onTyping();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      <button type="submit" class="button" disabled={disabled}>
        Send
      </button>
      <p id={`${id}-hint`} class="sr-only">
        Enter sends; Shift+Enter starts a new line.
      </p>
    </form>
  );
}
