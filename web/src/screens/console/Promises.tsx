// "Promises due" (/console/promises): the open promises not yet due, soonest first, and a
// "Broken" tab (?state=broken) with those past due and not kept, longest overdue first (the
// server's order, GET /promises). Each row links to its ticket; an open one can be marked kept.
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, type List, post, type TicketPromise } from '../../api';
import { ErrorMessage, Time, useTitle } from '../../components/common';
import { Link, useLocation } from '../../router';
import { PromiseState } from './TicketEscalation';

export function PromisesScreen() {
  const loc = useLocation();
  const broken = loc.query.get('state') === 'broken';
  const [items, setItems] = useState<TicketPromise[] | null>(null);
  const [error, setError] = useState('');
  useTitle(broken ? 'Broken promises' : 'Promises due');

  const load = async () => {
    try {
      setItems((await get<List<TicketPromise>>(`/promises?state=${broken ? 'broken' : 'due'}`)).items);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    setItems(null);
    void load();
  }, [broken]);

  const kept = async (p: TicketPromise) => {
    try {
      await post(`/promises/${p.id}/kept`);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <>
      <h1>{broken ? 'Broken promises' : 'Promises due'}</h1>
      <nav aria-label="Promises" class="subnav">
        <Link href="/console/promises" aria-current={broken ? undefined : 'page'}>
          Due
        </Link>{' '}
        <Link href="/console/promises?state=broken" aria-current={broken ? 'page' : undefined}>
          Broken
        </Link>
      </nav>
      <ErrorMessage text={error} />
      {items === null ? (
        !error && <p>Loading…</p>
      ) : items.length === 0 ? (
        <p class="muted">{broken ? 'No broken promises.' : 'No promises due.'}</p>
      ) : (
        <div class="table-wrap">
        <table class="data promises-table">
          <caption class="sr-only">{broken ? 'Promises past due and not kept, longest overdue first' : 'Open promises, soonest due first'}</caption>
          <thead>
            <tr>
              <th scope="col">Due</th>
              <th scope="col">Promise</th>
              <th scope="col">Ticket</th>
              <th scope="col">Made by</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} class={`promise-row-${p.state}`}>
                <td>
                  <Time iso={p.due_at} absolute />
                </td>
                <td>{p.text}</td>
                <td>
                  <Link href={`/console/tickets/${p.ticket_number}`}>#{p.ticket_number}</Link>
                </td>
                <td>{p.owner.name}</td>
                <td>
                  <PromiseState p={p} />
                </td>
                <td>
                  {p.state !== 'kept' && (
                    <button type="button" class="button-secondary button-small" onClick={() => void kept(p)}>
                      Kept<span class="sr-only"> ({p.text})</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </>
  );
}
