// "Promises kept and broken" on the Reports page (docs/escalation.md, GET /reports/promises): per
// technician, the promises due in a range of UTC days — kept in time, kept late, broken (due and
// not kept) and still open. Empty dates leave the range to the server (the 14 days to today); its
// answer fills the inputs until the person changes them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, get, qs } from '../../api';
import { ErrorMessage, Field } from '../../components/common';
import { formatDay, isCompleteDay } from '../../days';
import { keptShare } from '../../promise_text';

export interface PromiseReportRow {
  owner: { id: number; name: string };
  kept: number;
  kept_late: number;
  broken: number;
  open: number;
}

export interface PromiseReport {
  from: string;
  to: string;
  rows: PromiseReportRow[];
}

export function PromisesReportSection() {
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const touched = useRef(false);
  const [range, setRange] = useState({ from: '', to: '' });
  const [report, setReport] = useState<PromiseReport | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let alive = true;
    get<PromiseReport>(`/reports/promises${qs(range)}`).then(
      (answer) => {
        if (!alive) return;
        setReport(answer);
        setError('');
        if (!touched.current) {
          setFromText(answer.from);
          setToText(answer.to);
        }
      },
      (e) => alive && setError(errorText(e)),
    );
    return () => {
      alive = false;
    };
  }, [range.from, range.to]);

  const edit = (which: 'from' | 'to') => (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    touched.current = true;
    const from = which === 'from' ? value : fromText;
    const to = which === 'to' ? value : toText;
    if (which === 'from') setFromText(value);
    else setToText(value);
    if (isCompleteDay(from) && isCompleteDay(to) && from <= to) setRange({ from, to });
  };
  const wrongOrder = isCompleteDay(fromText) && isCompleteDay(toText) && fromText > toText;
  const rows = report?.rows ?? [];
  const total = rows.reduce((a, r) => ({ kept: a.kept + r.kept, kept_late: a.kept_late + r.kept_late, broken: a.broken + r.broken, open: a.open + r.open }), { kept: 0, kept_late: 0, broken: 0, open: 0 });

  return (
    <section class="panel" aria-labelledby="promises-report-title">
      <h2 id="promises-report-title">Promises kept and broken</h2>
      <p class="hint">Promises made to customers, by the technician who made them, counted on the UTC day they were due.</p>
      <div class="inline-form filters">
        <Field label="Due from">
          {(p) => <input {...p} type="date" value={fromText} onInput={edit('from')} />}
        </Field>
        <Field label="Due to">
          {(p) => <input {...p} type="date" value={toText} onInput={edit('to')} />}
        </Field>
      </div>
      <ErrorMessage text={wrongOrder ? 'The “Due from” date is after the “Due to” date.' : error} />
      {report && rows.length === 0 && <p class="empty">No promises were due in this range.</p>}
      {report && rows.length > 0 && (
        <div class="table-wrap compact">
          <table class="data promises-report">
            <caption>
              Promises due {formatDay(report.from)} to {formatDay(report.to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Technician</th>
                <th scope="col" class="num">Kept</th>
                <th scope="col" class="num">Kept late</th>
                <th scope="col" class="num">Broken</th>
                <th scope="col" class="num">Still open</th>
                <th scope="col" class="num">Kept in time</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.owner.id}>
                  <th scope="row">{r.owner.name}</th>
                  <td class="num">{r.kept}</td>
                  <td class="num">{r.kept_late}</td>
                  <td class="num">{r.broken}</td>
                  <td class="num">{r.open}</td>
                  <td class="num">{keptShare(r)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td class="num">{total.kept}</td>
                <td class="num">{total.kept_late}</td>
                <td class="num">{total.broken}</td>
                <td class="num">{total.open}</td>
                <td class="num">{keptShare(total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
