// A component's live view of one chat: opens the connection on mount, closes it on unmount and
// re-renders on every change.
import { useEffect, useState } from 'preact/hooks';
import { ChatConnection, type ChatSnapshot } from './connection';
import type { Role } from './protocol';

export function useChat(chatId: number, role: Role, visitorToken?: string): { snap: ChatSnapshot; conn: ChatConnection } {
  const [conn, setConn] = useState(() => new ChatConnection(chatId, role, visitorToken));
  const [snap, setSnap] = useState(conn.snapshot());
  useEffect(() => {
    let c = conn;
    if (c.chatId !== chatId) {
      c = new ChatConnection(chatId, role, visitorToken);
      setConn(c);
    }
    const unsubscribe = c.subscribe(() => setSnap(c.snapshot()));
    c.start();
    setSnap(c.snapshot());
    return () => {
      unsubscribe();
      c.stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chatId]);
  return { snap, conn };
}
