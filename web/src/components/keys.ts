// Single-key shortcuts (j, k, r, n, /, ?) that never fire while the person is typing, nor with a
// modifier held, nor while a modal dialog is open.
import { useEffect, useRef } from 'preact/hooks';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** A handler may return false to leave the key to the browser (no preventDefault). */
export function useKeys(handlers: Record<string, (e: KeyboardEvent) => boolean | void>) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (typing(e.target) || document.querySelector('dialog[open]')) return;
      const h = ref.current[e.key];
      if (h && h(e) !== false) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
