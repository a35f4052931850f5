// "Tickets by answer" on the Reports page: pick an intake question's key (docs/intake.md) and a
// date range, and see how many tickets created in it gave each answer, most frequent first, and
// how many of those are still open. Read from the tickets' answers (UTC days), not from rollups.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type AnswerReport, errorText, get, type IntakeQuestion, type List, qs } from '../../api';
import { ErrorMessage, Field } from '../../components/common';
import { formatDay, isCompleteDay } from '../../days';

/** Each key once, named by the questions asked under it (several questions may share a key). */
function keysOf(questions: IntakeQuestion[]): { key: string; label: string }[] {
  const labels = new Map<string, string[]>();
  for (const q of questions) {
    const l = labels.get(q.key) ?? [];
    if (!l.includes(q.label)) l.push(q.label);
    labels.set(q.key, l);
  }
  return [...labels.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, l]) => ({ key, label: `${l.join(' / ')} (${key})` }));
}

export function AnswerReportSection() {
  const [keys, setKeys] = useState<{ key: string; label: string }[] | null>(null);
  const [key, setKey] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [r, setReport] = useState<AnswerReport | null>(null);
  const [error, setError] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    get<List<IntakeQuestion>>('/intake-questions').then(
      (l) => {
        const k = keysOf(l.items);
        setKeys(k);
        if (k.length) setKey(k[0].key);
      },
      (e) => setError(errorText(e)),
    );
  }, []);

  // Loads for a chosen key and a complete range (blank dates: the server's last 14 days).
  useEffect(() => {
    if (!key) return;
    if ((from && !isCompleteDay(from)) || (to && !isCompleteDay(to))) return;
    if (from && to && from > to) {
      setError('The “From” date is after the “To” date. Choose a “From” date on or before the “To” date.');
      return;
    }
    const mine = ++seq.current;
    get<AnswerReport>(`/reports/fields${qs({ key, from, to })}`).then(
      (answer) => {
        if (mine !== seq.current) return;
        setReport(answer);
        setError('');
      },
      (e) => mine === seq.current && setError(errorText(e)),
    );
  }, [key, from, to]);

  const chosen = keys?.find((k) => k.key === key);
  return (
    <section class="panel" aria-labelledby="answers-title">
      <h2 id="answers-title">Tickets by answer</h2>
      {keys && keys.length === 0 && <p class="empty">No intake questions yet: an admin adds them under Admin, Intake questions.</p>}
      {keys && keys.length > 0 && (
        <div class="inline-form filters">
          <Field label="Question">
            {(p) => (
              <select {...p} value={key} onChange={(e) => setKey(e.currentTarget.value)}>
                {keys.map((k) => (
                  <option key={k.key} value={k.key}>
                    {k.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Created from">
            {(p) => <input {...p} type="date" value={from || r?.from || ''} onInput={(e) => setFrom(e.currentTarget.value)} />}
          </Field>
          <Field label="Created to">
            {(p) => <input {...p} type="date" value={to || r?.to || ''} onInput={(e) => setTo(e.currentTarget.value)} />}
          </Field>
        </div>
      )}
      <ErrorMessage text={error} />
      {r && r.items.length === 0 && <p class="empty">No ticket created in this range answered this question.</p>}
      {r && r.items.length > 0 && (
        <div class="table-wrap compact">
          <table class="data answer-report">
            <caption>
              Tickets by {chosen?.label ?? r.key}, created {formatDay(r.from)} to {formatDay(r.to)} (UTC)
            </caption>
            <thead>
              <tr>
                <th scope="col">Answer</th>
                <th scope="col" class="num">
                  Tickets
                </th>
                <th scope="col" class="num">
                  Still open
                </th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((row) => (
                <tr key={row.value} data-value={row.value}>
                  <th scope="row">{row.value}</th>
                  <td class="num">{row.tickets}</td>
                  <td class="num">{row.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
