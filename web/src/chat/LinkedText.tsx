// Chat text as written (line breaks kept by CSS), with http(s) addresses as links that open in a
// new tab without handing the help desk's window to the other site.
import { linkify } from './links';

export function LinkedText({ text }: { text: string }) {
  return (
    <p class="chat-text">
      {linkify(text).map((s, i) =>
        s.href ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer">
            {s.text}
          </a>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}
