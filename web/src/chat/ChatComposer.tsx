// Where a chat message is written: Enter sends, Shift+Enter starts a new line; typing tells the
// other side (throttled by the connection). The text is the caller's state, so the technician's
// canned responses can be inserted into it. "Attach a file" opens the browser's file picker and
// hands the file to the chat's FileSender, whose state ("Uploading…", a refusal) shows below.
import type { Ref } from 'preact';
import { useRef } from 'preact/hooks';
import { ClipIcon, ErrorMessage, useId } from '../components/common';
import type { FileSender } from './useFileSender';

interface Props {
  value: string;
  onValue: (v: string) => void;
  onSend: (body: string) => void;
  onTyping: () => void;
  label: string;
  disabled?: boolean;
  textRef?: Ref<HTMLTextAreaElement>;
  files?: FileSender;
}

export function ChatComposer({ value, onValue, onSend, onTyping, label, disabled, textRef, files }: Props) {
  const id = useId('say');
  const picker = useRef<HTMLInputElement>(null);
  const send = () => {
    const body = value.trim();
    if (!body || disabled) return;
    onSend(body);
    onValue('');
  };
  return (
    <>
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
        <div class="chat-composer-buttons">
          {files && (
            <>
              <button type="button" class="button-secondary button-small" disabled={disabled || files.busy} onClick={() => picker.current?.click()}>
                <ClipIcon /> Attach a file
              </button>
              {/* Hidden: the button above is what people reach and read; it opens this picker. */}
              <input
                ref={picker}
                type="file"
                hidden
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  e.currentTarget.value = ''; // the same file can be chosen again
                  if (f) files.send(f);
                }}
              />
            </>
          )}
          <button type="submit" class="button" disabled={disabled}>
            Send
          </button>
        </div>
        <p id={`${id}-hint`} class="sr-only">
          Enter sends; Shift+Enter starts a new line.
        </p>
      </form>
      {files && (
        <div class="chat-upload">
          <p role="status" class={files.status ? '' : 'sr-only'}>
            {files.status}
          </p>
          <ErrorMessage text={files.error} />
          {files.retry && (
            <button type="button" class="button-secondary button-small" onClick={files.retry}>
              Try sending the file again
            </button>
          )}
        </div>
      )}
    </>
  );
}
