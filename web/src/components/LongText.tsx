// A message body that stays readable when it is long or laid out: a pasted 300 KB log shows its
// first screenful with "Show all", and text laid out in columns (indented lines, tabs — logs,
// command output, config files) keeps its layout in a fixed-width font.
import { useState } from 'preact/hooks';
import { formatBytes } from './common';

const SCREENFUL_LINES = 40;
const SCREENFUL_CHARS = 4000;

/** Whether text looks laid out in columns: any tab, or several lines indented by 2+ spaces. */
export function looksPreformatted(text: string): boolean {
  if (text.includes('\t')) return true;
  let indented = 0;
  for (const line of text.split('\n', 200)) {
    if (line.startsWith('  ') && line.trim() !== '') indented++;
    if (indented >= 3) return true;
  }
  return false;
}

/** Where the first screenful ends, or -1 when the text fits in one. */
export function screenfulEnd(text: string): number {
  let end = Math.min(text.length, SCREENFUL_CHARS);
  let lines = 0;
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10 && ++lines === SCREENFUL_LINES) {
      end = i;
      break;
    }
  }
  return end < text.length ? end : -1;
}

export function LongText({ text, class: cls = 'message-body' }: { text: string; class?: string }) {
  const [all, setAll] = useState(false);
  const cut = screenfulEnd(text);
  const pre = looksPreformatted(text);
  const shown = all || cut < 0 ? text : text.slice(0, cut);
  const lines = text.split('\n').length;
  return (
    <>
      <div class={pre ? `${cls} message-pre` : cls}>
        {shown}
        {!all && cut >= 0 && '…'}
      </div>
      {cut >= 0 && (
        <button type="button" class="button-quiet button-small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? 'Show less' : `Show all (${lines.toLocaleString()} lines, ${formatBytes(new TextEncoder().encode(text).length)})`}
        </button>
      )}
    </>
  );
}
