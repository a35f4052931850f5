// Finds web addresses in chat text so they can be shown as links. Only http:// and https://
// addresses become links (never javascript:, data: or a bare "www."), and trailing punctuation
// that usually ends a sentence stays text. One pass over the text: linear on any input.

export type Segment = { text: string; href?: string };

const URL_START = /https?:\/\//gi;
// Characters that end an address: whitespace, quotes and angle brackets.
const STOP = /[\s"'<>`]/;
const TRAILING = '.,;:!?)]}';

export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  URL_START.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_START.exec(text))) {
    const start = m.index;
    // A scheme glued to a word ("xhttp://") is not an address.
    if (start > 0 && /[A-Za-z0-9]/.test(text[start - 1])) continue;
    let end = start + m[0].length;
    while (end < text.length && !STOP.test(text[end])) end++;
    // Drop trailing punctuation, scanning back from the end (a regex here could go quadratic),
    // but keep a closing bracket that closes one opened inside the address (Wikipedia style).
    let cut = end;
    while (cut > start && TRAILING.includes(text[cut - 1])) cut--;
    if (cut < end && text[cut] === ')' && text.slice(start, cut).includes('(')) cut++;
    const candidate = text.slice(start, cut);
    URL_START.lastIndex = start + Math.max(candidate.length, m[0].length);
    if (candidate.length <= m[0].length || !safeHref(candidate)) continue;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: candidate, href: candidate });
    last = start + candidate.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** True only for an http(s) URL the URL parser accepts with a host. */
export function safeHref(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}
