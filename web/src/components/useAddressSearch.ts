// A search box whose query lives in the address (?q=), so a search can be shared and survives a
// reload: typing goes to `path?q=…` after a pause (replacing the history entry, not one entry per
// letter), `go` goes at once (the form's submit), and the box follows the address when it changes
// (back, a link). It does not follow on its first run: effects run after paint, and on a slow
// machine that run came after the first letters typed and cleared them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../router';

export function useAddressSearch(path: string, q: string) {
  const [text, setText] = useState(q);
  const followed = useRef(q);
  useEffect(() => {
    if (followed.current === q) return;
    followed.current = q;
    setText(q);
  }, [q]);
  const go = (t: string) => navigate(`${path}${t.trim() ? `?q=${encodeURIComponent(t.trim())}` : ''}`, { replace: true });
  useEffect(() => {
    if (text.trim() === q.trim()) return;
    const timer = setTimeout(() => go(text), 250);
    return () => clearTimeout(timer);
  }, [text]);
  return { text, setText, go };
}
