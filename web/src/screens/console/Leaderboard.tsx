// The leaderboard on the Reports page: technicians ranked by tickets closed per working day
// over a window ending on a chosen day, company-wide or on one named board.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Board, get, type Leaderboard, type List, type Me, qs } from '../../api';
import { ErrorMessage, Field, useData } from '../../components/common';
import { formatDay, isCompleteDay } from '../../days';

const WINDOWS = [7, 14, 30];

export function LeaderboardSection({ me }: { me: Me }) {
  const [windowDays, setWindowDays] = useState(14);
  const [board, setBoard] = useState('');
  // Empty until someone picks a day: the server then ranks up to today in *their* time zone,
  // which the browser's clock need not share, and the input shows the day it answered with.
  const [date, setDate] = useState('');
  const [dateText, setDateText] = useState(''); // what the person typed; loads only when complete
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const boards = useData(() => get<List<Board>>('/boards').then((l) => l.items), []);
  const ranking = useData(
    () => get<Leaderboard>(`/leaderboard${qs({ window: `${windowDays}d`, board, date })}`),
    [windowDays, board, date],
  );
  const data = ranking.data;
  useEffect(() => {
    if (data && !dateText) setDateText(data.to);
  }, [data?.to]);

  return (
    <section class="panel" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">Leaderboard</h2>
      <div class="inline-form filters">
        <Field label="Window">
          {(p) => (
            <select {...p} value={String(windowDays)} onChange={(e) => setWindowDays(Number(e.currentTarget.value))}>
              {WINDOWS.map((n) => (
                <option key={n} value={String(n)}>
                  {n} days
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Board">
          {(p) => (
            <select {...p} value={board} onChange={(e) => setBoard(e.currentTarget.value)}>
              <option value="">Company</option>
              {boards.data?.map((b) => (
                <option key={b.id} value={b.name}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Up to and including">
          {(p) => (
            <input
              {...p}
              type="date"
              value={dateText}
              onInput={(e) => {
                const v = e.currentTarget.value;
                setDateText(v);
                // Every typed digit makes a new valid date: load once the typing pauses.
                clearTimeout(pending.current);
                if (isCompleteDay(v)) pending.current = window.setTimeout(() => setDate(v), 600);
              }}
            />
          )}
        </Field>
      </div>
      <ErrorMessage text={ranking.error} />
      {data && data.entries.length === 0 && <p class="empty">Nobody to rank on this board.</p>}
      {data && data.entries.length > 0 && (
        <div class="table-wrap">
          <table class="data leaderboard">
            <caption>
              {data.board || 'Company'}: {data.window_days} days from {formatDay(data.from)} to {formatDay(data.to)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Technician</th>
                <th scope="col">Team</th>
                <th scope="col" class="num">
                  Closed
                </th>
                <th scope="col" class="num">
                  Working days
                </th>
                <th scope="col" class="num">
                  Average per day
                </th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => {
                const mine = e.agent.id === me.id;
                return (
                  <tr key={e.agent.id} class={mine ? 'mine' : undefined} data-agent={e.agent.id}>
                    <td class="num">{e.rank}</td>
                    <th scope="row">
                      {e.agent.name}
                      {mine && <span class="badge badge-you">You</span>}
                    </th>
                    <td>{e.team || <span class="muted">No team</span>}</td>
                    <td class="num">{e.closed}</td>
                    <td class="num">{e.working_days}</td>
                    <td class="num">{e.average_per_day.toFixed(2)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
