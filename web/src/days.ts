// Calendar days as the API writes them ("2026-11-24"). They carry no time or zone, so the
// arithmetic runs in UTC, where every day has 24 hours and no clock change moves a date.
const MS_PER_DAY = 86_400_000;

const toUtc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * MS_PER_DAY);
}

/** Every day from `from` to `to`, both included (empty when from is after to). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toUtc(from), end = toUtc(to); ms <= end; ms += MS_PER_DAY) out.push(fromUtc(ms));
  return out;
}

const longFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Tue, Nov 24, 2026" in the reader's language. */
export const formatDay = (day: string) => longFmt.format(toUtc(day));

/** "Nov 24": for chart axes. */
export const formatShortDay = (day: string) => shortFmt.format(toUtc(day));

/** A complete, real calendar day a person means (typing a year passes through 0002, 0020, 0202). */
export function isCompleteDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < 1970) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
