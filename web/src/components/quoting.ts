// Splits a message body into what the author wrote, their signature and the quoted earlier mail,
// so the conversation can fold the last two away. Display only: the stored text stays whole.
//
// Rules, applied in this order:
// 1. Quoted history starts at the first of
//    - an Outlook "-----Original Message-----" line,
//    - an Outlook header block: a "From:" line followed within four lines by "Sent:" or "Date:"
//      (and a "____" rule line just above it, which Outlook puts there too),
//    - the trailing block of lines that start with ">" (blank lines allowed inside), together
//      with the "On … wrote:" line above it (which may wrap onto a second line).
//    Only a trailing ">" block counts: answers written between quoted lines stay visible.
// 2. In what is left, the signature follows the last line that is exactly "-- " or "--".
// 3. Nothing folds when the author's own text would be empty: better to show everything.

export interface MessageParts {
  text: string;
  signature: string;
  quoted: string;
}

const ORIGINAL = /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i;
const FROM = /^From:\s/i;
const SENT = /^(Sent|Date):\s/i;
const RULE = /^_{10,}\s*$/;
const WROTE = /wrote:\s*$/i;
const ON = /^On\s/i;
const SIG = /^--\s?$/;

const blank = (l: string) => l.trim() === '';
// Leading blank lines and trailing whitespace go. Not /^\n+|\s+$/g: V8 tries "\s+$" from every
// position of a whitespace run that does not end the text, which is quadratic in the run's length
// (a message of spaces froze the tab). The leading pattern is anchored; trimEnd() is linear.
const join = (ls: string[]) => ls.join('\n').replace(/^\n+/, '').trimEnd();

function outlookStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (ORIGINAL.test(lines[i])) return i;
    if (FROM.test(lines[i]) && lines.slice(i + 1, i + 5).some((l) => SENT.test(l))) {
      return i > 0 && RULE.test(lines[i - 1]) ? i - 1 : i;
    }
  }
  return -1;
}

function trailingQuoteStart(lines: string[]): number {
  let end = lines.length;
  while (end > 0 && blank(lines[end - 1])) end--;
  if (end === 0 || !lines[end - 1].startsWith('>')) return -1;
  let start = end - 1;
  while (start > 0 && (lines[start - 1].startsWith('>') || blank(lines[start - 1]))) start--;
  while (start < end && blank(lines[start])) start++;
  // The attribution line, possibly after blank lines and possibly wrapped onto two lines.
  let a = start - 1;
  while (a >= 0 && blank(lines[a])) a--;
  if (a >= 0 && WROTE.test(lines[a])) {
    if (ON.test(lines[a])) return a;
    if (a > 0 && ON.test(lines[a - 1])) return a - 1;
  }
  return start;
}

export function splitMessage(body: string): MessageParts {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const whole: MessageParts = { text: body, signature: '', quoted: '' };

  let q = outlookStart(lines);
  if (q < 0) q = trailingQuoteStart(lines);
  const own = q < 0 ? lines : lines.slice(0, q);
  const quoted = q < 0 ? '' : join(lines.slice(q));

  let s = -1;
  for (let i = own.length - 1; i >= 0; i--) {
    if (SIG.test(own[i])) {
      s = i;
      break;
    }
  }
  const text = join(s < 0 ? own : own.slice(0, s));
  const signature = s < 0 ? '' : join(own.slice(s + 1));

  if (!text || (!signature && !quoted)) return whole;
  return { text, signature, quoted };
}
