// "Closed tickets" on the Reports page: closes over any date range, grouped by technician,
// team, day, category or channel, as a chart, a table with the total, and a CSV download.
import { useState } from 'preact/hooks';
import { type ClosedGrouping, type ClosedReport, get, qs } from '../../api';
import { type Bar, BarChart } from '../../components/BarChart';
import { ErrorMessage, Field, useData } from '../../components/common';
import { daysBetween, formatDay, formatShortDay } from '../../days';

const GROUPINGS: [ClosedGrouping, string][] = [
  ['day', 'Day'],
  ['agent', 'Technician'],
  ['team', 'Team'],
  ['category', 'Category'],
  ['channel', 'Channel'],
];
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
  // Empty dates leave the range to the server: the last 14 days up to today in the signed-in
  // person's time zone. The inputs then show the range it answered with.
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groupBy, setGroupBy] = useState<ClosedGrouping>('day');
  const query = { from, to, group_by: groupBy };
  const report = useData(() => get<ClosedReport>(`/reports/closed${qs(query)}`), [from, to, groupBy]);
  const r = report.data;
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
          {(p) => <input {...p} type="date" value={from || (r?.from ?? '')} onChange={(e) => setFrom(e.currentTarget.value)} />}
        </Field>
        <Field label="To">
          {(p) => <input {...p} type="date" value={to || (r?.to ?? '')} onChange={(e) => setTo(e.currentTarget.value)} />}
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
      <ErrorMessage text={report.error} />
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
