// Who else is on a ticket page, over the console's live socket (live.ts): says "viewing N" when
// the page opens and again after every reconnect, "viewing null" when it closes; keeps the other
// viewers from the server's "presence" frames (me left out) and who is typing from its "typing"
// frames, each shown for 6 s after the last one. typed() sends at most one typing frame per 3 s
// for each kind (a switch from reply to note says so at once).
import { useEffect, useRef, useState } from 'preact/hooks';
import { live, type LiveFrame } from '../../live';

export interface Person {
  id: number;
  name: string;
}

export interface Typist {
  user: Person;
  internal: boolean;
  until: number;
}

const TYPING_SHOWN_MS = 6_000;
const TYPING_EVERY_MS = 3_000;

export function usePresence(ticket: number, meId: number) {
  const [others, setOthers] = useState<Person[]>([]);
  const [typists, setTypists] = useState<Typist[]>([]);
  const lastTyping = useRef({ reply: 0, note: 0 });

  useEffect(() => {
    setOthers([]);
    setTypists([]);
    lastTyping.current = { reply: 0, note: 0 };
    const announce = () => live.send({ type: 'viewing', ticket });
    announce();
    const offState = live.onState((s) => s === 'live' && announce());
    const offFrame = live.onFrame((f: LiveFrame) => {
      if (f.ticket !== ticket) return;
      if (f.type === 'presence' && Array.isArray(f.viewers)) {
        const viewers = f.viewers as Person[];
        setOthers(viewers.filter((v) => v.id !== meId));
        // Someone who left is no longer typing.
        setTypists((ts) => ts.filter((t) => viewers.some((v) => v.id === t.user.id)));
      } else if (f.type === 'typing' && f.user && (f.user as Person).id !== meId) {
        const user = f.user as Person;
        const t: Typist = { user, internal: f.internal === true, until: Date.now() + TYPING_SHOWN_MS };
        setTypists((ts) => [...ts.filter((x) => x.user.id !== user.id), t]);
      }
    });
    return () => {
      offState();
      offFrame();
      live.send({ type: 'viewing', ticket: null });
    };
  }, [ticket, meId]);

  // Drop typists whose 6 s ran out.
  useEffect(() => {
    if (typists.length === 0) return;
    const next = Math.min(...typists.map((t) => t.until));
    const timer = window.setTimeout(() => {
      const now = Date.now();
      setTypists((ts) => ts.filter((t) => t.until > now));
    }, Math.max(0, next - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [typists]);

  const typed = (internal: boolean) => {
    const now = Date.now();
    const kind = internal ? 'note' : 'reply';
    if (now - lastTyping.current[kind] < TYPING_EVERY_MS) return;
    if (live.send({ type: 'typing', ticket, internal })) lastTyping.current[kind] = now;
  };

  return { others, typists, typed };
}
