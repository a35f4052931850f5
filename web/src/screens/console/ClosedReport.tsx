// "Closed tickets" on the Reports page: closes over any date range, grouped by technician,
// team, day, category or channel, as a chart, a table with the total, and a CSV download.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ClosedGrouping, type ClosedReport, errorText, get, qs } from '../../api';
import { type Bar, BarChart } from '../../components/BarChart';
import { ErrorMessage, Field } from '../../components/common';
import { daysBetween, formatDay, formatShortDay, isCompleteDay } from '../../days';

const GROUPINGS: [ClosedGrouping, string][] = [
  ['day', 'Day'],
  ['agent', 'Technician'],
  ['team', 'Team'],
  ['category', 'Category'],
  ['channel', 'Channel'],
];
const TYPING_PAUSE_MS = 600;
const groupingName = (g: ClosedGrouping) => GROUPINGS.find(([k]) => k === g)?.[1] ?? g;

interface Row {
  key: string;
  label: string;
  closed: number;
}

/** The report's rows; by day, every day of the range, so quiet days show as 0 (not as gaps). */
function rowsOf(r: ClosedReport): Row[] {
  if (r.group_by !== 'day') return r.rows;
  const closed = new Map(r.rows.map((row) => [row.key, row.closed]));
  return daysBetween(r.from, r.to).map((day) => ({ key: day, label: formatDay(day), closed: closed.get(day) ?? 0 }));
}

function summary(r: ClosedReport, rows: Row[]): string {
  const what = `Bar chart of closed tickets by ${groupingName(r.group_by).toLowerCase()}, ${formatDay(r.from)} to ${formatDay(r.to)}`;
  if (r.total === 0) return `${what}: none closed.`;
  const top = rows.reduce((a, b) => (b.closed > a.closed ? b : a));
  return `${what}: ${r.total} in total, most (${top.closed}) ${r.group_by === 'day' ? 'on' : 'for'} ${top.label}. The table lists every value.`;
}

export function ClosedReportSection() {
  // What the inputs show is what the person typed; the report loads only for a complete, valid
  // range. Empty dates leave the range to the server (the last 14 days up to today in the
  // signed-in person's time zone); its answer fills inputs the person has not touched.
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const touched = useRef(false);
  const [range, setRange] = useState({ from: '', to: '' });
  const [groupBy, setGroupBy] = useState<ClosedGrouping>('day');
  const [r, setReport] = useState<ClosedReport | null>(null);
  const [error, setError] = useState('');
  const [rangeProblem, setRangeProblem] = useState('');
  const seq = useRef(0);
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);

  useEffect(() => {
    const mine = ++seq.current;
    get<ClosedReport>(`/reports/closed${qs({ ...range, group_by: groupBy })}`).then(
      (answer) => {
        if (mine !== seq.current) return;
        setReport(answer); // the previous report (and its CSV) stays until this one arrives
        setError('');
        if (!touched.current) {
          setFromText(answer.from);
          setToText(answer.to);
        }
      },
      (e) => mine === seq.current && setError(errorText(e)),
    );
  }, [range.from, range.to, groupBy]);

  const edit = (which: 'from' | 'to') => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    touched.current = true;
    const from = which === 'from' ? value : fromText;
    const to = which === 'to' ? value : toText;
    if (which === 'from') setFromText(value);
    else setToText(value);
    clearTimeout(pending.current);
    if (!isCompleteDay(from) || !isCompleteDay(to)) {
      setRangeProblem('');
      return; // still typing: load nothing, change nothing
    }
    if (from > to) {
      setRangeProblem('The “From” date is after the “To” date. Choose a “From” date on or before the “To” date.');
      return;
    }
    setRangeProblem('');
    // Each typed digit of a date makes a new valid date (the year passes 0002, 0020, 0202):
    // load once the typing pauses.
    clearTimeout(pending.current);
    pending.current = window.setTimeout(() => setRange({ from, to }), TYPING_PAUSE_MS);
  };

  const rows = r ? rowsOf(r) : [];
  const bars: Bar[] = rows.map((row) => ({
    key: row.key,
    label: r?.group_by === 'day' ? formatShortDay(row.key) : row.label,
    value: row.closed,
    title: `${row.label}: ${row.closed} closed`,
  }));
  // The download repeats the query the page shows (the answered range, not the blank inputs).
  const csv = r && `/api/v1/reports/closed${qs({ from: r.from, to: r.to, group_by: r.group_by, format: 'csv' })}`;

  return (
    <section class="panel" aria-labelledby="closed-title">
      <h2 id="closed-title">Closed tickets</h2>
      <div class="inline-form filters">
        <Field label="From">
          {(p) => <input {...p} type="date" value={fromText} onInput={edit('from')} />}
        </Field>
        <Field label="To">
          {(p) => <input {...p} type="date" value={toText} onInput={edit('to')} />}
        </Field>
        <Field label="Group by">
          {(p) => (
            <select {...p} value={groupBy} onChange={(e) => setGroupBy(e.currentTarget.value as ClosedGrouping)}>
              {GROUPINGS.map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {csv && (
          <a class="button-secondary" href={csv} download>
            Download CSV
          </a>
        )}
      </div>
      <ErrorMessage text={rangeProblem || error} />
      {r && rows.length === 0 && <p class="empty">No tickets were closed in this range.</p>}
      {r && rows.length > 0 && (
        <>
          <BarChart bars={bars} summary={summary(r, rows)} layout={r.group_by === 'day' ? 'columns' : 'rows'} />
          <div class="table-wrap compact">
            <table class="data closed-report">
              <caption>
                Closed by {groupingName(r.group_by).toLowerCase()}, {formatDay(r.from)} to {formatDay(r.to)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{groupingName(r.group_by)}</th>
                  <th scope="col" class="num">
                    Closed
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-key={row.key}>
                    <th scope="row">{r.group_by === 'day' ? <time dateTime={row.key}>{row.label}</time> : row.label}</th>
                    <td class="num">{row.closed}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td class="num">{r.total}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
