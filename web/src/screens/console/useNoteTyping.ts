// On the ticket page of an active chat: tells the technicians in the chat that someone is writing
// an internal note on its ticket ({"type":"typing","internal":true} on the chat's socket, at most
// every 3 s; the server passes it to staff only, never to the customer). The socket is open only
// while the chat is active: chatId null closes it.
import { useEffect, useRef } from 'preact/hooks';
import { ChatConnection } from '../../chat/connection';

export function useNoteTyping(chatId: number | null): () => void {
  const conn = useRef<ChatConnection | null>(null);
  useEffect(() => {
    if (chatId === null) return;
    const c = new ChatConnection(chatId, 'agent', undefined);
    conn.current = c;
    c.start();
    return () => {
      c.stop();
      if (conn.current === c) conn.current = null;
    };
  }, [chatId]);
  return () => conn.current?.typing(true);
}
