// Sending a file into a chat from its composer: the size is checked first (against the server's
// limit when the person is signed in; an anonymous visitor only knows the default, and the server
// has the last word), then the file is uploaded with retries under one client_id, and the state
// is said in plain words ("Uploading …", or why it was not sent). The log entry itself arrives on
// the chat's socket like every other.
import { useRef, useState } from 'preact/hooks';
import { formatBytes } from '../bytes';
import { DEFAULT_LIMITS, oversizedFiles, oversizedText } from '../limits';
import type { ChatConnection } from './connection';
import { type ChatAuth, uploadChatFile } from './http';
import { newClientId } from './outbox';
import { refusalText, sendWithRetries, worthRetrying } from './upload';

export interface FileSender {
  /** Checks and sends one file (one at a time). */
  send(file: File): void;
  /** What is being sent now, e.g. "Uploading “log.txt” (2 KB)…", or ''. */
  status: string;
  /** Why the last file was not sent, or ''. */
  error: string;
  /** Sends the file that failed again, with the same client_id; null when that cannot help. */
  retry: (() => void) | null;
  busy: boolean;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function useFileSender(auth: ChatAuth, chatId: number, conn: ChatConnection): FileSender {
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [failed, setFailed] = useState<{ file: File; clientId: string } | null>(null);
  const busy = useRef(false);

  const upload = async (file: File, clientId: string) => {
    busy.current = true;
    setError('');
    setFailed(null);
    setStatus(`Uploading “${file.name}” (${formatBytes(file.size)})…`);
    conn.claim(clientId);
    try {
      await sendWithRetries(() => uploadChatFile(auth, chatId, file, clientId), sleep);
    } catch (e) {
      setError(refusalText(e, file));
      if (worthRetrying(e)) setFailed({ file, clientId });
    } finally {
      busy.current = false;
      setStatus('');
    }
  };

  const send = async (file: File) => {
    if (busy.current) return;
    const tooBig =
      auth.kind === 'session' ? await oversizedFiles([file]) : oversizedText([file], DEFAULT_LIMITS.max_attachment_bytes);
    if (tooBig) {
      setFailed(null);
      setError(tooBig);
      return;
    }
    await upload(file, newClientId());
  };

  return {
    send: (f) => void send(f),
    status,
    error,
    retry: failed ? () => void upload(failed.file, failed.clientId) : null,
    busy: status !== '',
  };
}
