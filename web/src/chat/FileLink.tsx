// A file sent in the chat, as a download link with its name and size. A signed-in person's link
// is an ordinary one (the session cookie goes along); an anonymous visitor's download needs the
// Visitor header, so the click fetches the file and saves it, like the transcript.
import { useState } from 'preact/hooks';
import { errorText } from '../api';
import { formatBytes } from '../bytes';
import { ClipIcon } from '../components/common';
import { type ChatAuth, chatFilePath, downloadChatFile } from './http';
import type { ChatFile } from './protocol';

export function FileLink({ auth, chatId, file }: { auth: ChatAuth; chatId: number; file: ChatFile }) {
  const [error, setError] = useState('');
  const fetchIt = async (e: MouseEvent) => {
    e.preventDefault();
    try {
      await downloadChatFile(auth, chatId, file);
      setError('');
    } catch (err) {
      setError(`“${file.filename}” could not be downloaded. ${errorText(err)}`);
    }
  };
  return (
    <span class="chat-file">
      <a href={`/api/v1${chatFilePath(chatId, file)}`} download={file.filename} onClick={auth.kind === 'visitor' ? fetchIt : undefined}>
        <ClipIcon /> {file.filename}
      </a>{' '}
      <span class="muted">({formatBytes(file.size)})</span>
      {error && (
        <span role="alert" class="alert alert-error">
          {error}
        </span>
      )}
    </span>
  );
}
