// "Replacements" (/console/replacements): hardware replacements by status, newest first (the
// server's order, GET /replacements?status=). The default tab is "To ship" (confirmed: the customer
// confirmed the address), where each row can be shipped in place; the others are "Waiting for
// address" (requested), shipped, delivered, returned and cancelled. Each row links to its ticket.
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, type List, REPLACEMENT_STATUSES, type Replacement, type ReplacementStatus } from '../../api';
import { AddressBlock, ReplacementStatusBadge } from '../../components/AddressFields';
import { Dialog, ErrorMessage, Notice, Time, useTitle } from '../../components/common';
import { useLiveRefresh } from '../../live';
import { missingSentence, QUEUE_LABEL, unitText } from '../../replacement_text';
import { Link, useLocation } from '../../router';
import { ShipForm } from './TicketReplacements';

/** The tabs in the order a shipping desk works them. */
const TABS: ReplacementStatus[] = ['confirmed', 'requested', 'shipped', 'delivered', 'returned', 'cancelled'];

export function ReplacementsScreen() {
  const loc = useLocation();
  const asked = loc.query.get('status') as ReplacementStatus | null;
  const status: ReplacementStatus = asked && REPLACEMENT_STATUSES.includes(asked) ? asked : 'confirmed';
  const [items, setItems] = useState<Replacement[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [shipping, setShipping] = useState<Replacement | null>(null);
  useTitle(`Replacements: ${QUEUE_LABEL[status].toLowerCase()}`);

  const load = async () => {
    try {
      setItems((await get<List<Replacement>>(`/replacements?status=${status}&limit=200`)).items);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => {
    setItems(null);
    setNotice('');
    void load();
  }, [status]);
  // A customer confirming (or someone shipping elsewhere) changes the list: a replacement event.
  useLiveRefresh((e) => e.type.startsWith('ticket.replacement_'), () => void load());

  return (
    <>
      <h1>Replacements</h1>
      <nav aria-label="Replacements by status" class="subnav">
        {TABS.map((s) => (
          <Link key={s} href={s === 'confirmed' ? '/console/replacements' : `/console/replacements?status=${s}`} aria-current={s === status ? 'page' : undefined}>
            {QUEUE_LABEL[s]}
          </Link>
        ))}
      </nav>
      <ErrorMessage text={error} />
      <Notice text={notice} />
      {items === null ? (
        !error && <p>Loading…</p>
      ) : items.length === 0 ? (
        <p class="muted">{status === 'confirmed' ? 'Nothing to ship.' : `No replacements ${QUEUE_LABEL[status].toLowerCase()}.`}</p>
      ) : (
        <div class="table-wrap">
          <table class="data replacements-table">
            <caption class="sr-only">Replacements {QUEUE_LABEL[status].toLowerCase()}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Unit</th>
                <th scope="col">Ship to</th>
                <th scope="col">Status</th>
                <th scope="col">{status === 'shipped' || status === 'delivered' || status === 'returned' ? 'Tracking' : 'Updated'}</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} class={`replacement-row-${r.status}`}>
                  <td>
                    <Link href={`/console/tickets/${r.ticket_number}`}>#{r.ticket_number}</Link>
                  </td>
                  <td>{unitText(r.model, r.serial)}</td>
                  <td>
                    <AddressBlock address={r.address} />
                    {r.status === 'requested' && r.address_missing.length > 0 && <p class="replacement-missing">{missingSentence(r.address_missing)}</p>}
                  </td>
                  <td>
                    <ReplacementStatusBadge status={r.status} />
                  </td>
                  <td>
                    {r.tracking_number ? (
                      <>
                        {r.carrier} <span class="tracking-number">{r.tracking_number}</span>
                      </>
                    ) : (
                      <Time iso={r.updated_at} />
                    )}
                  </td>
                  <td>
                    {r.status === 'confirmed' && (
                      <button type="button" class="button-secondary button-small" onClick={() => setShipping(r)}>
                        Ship…<span class="sr-only"> ({unitText(r.model, r.serial)}, ticket #{r.ticket_number})</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={shipping !== null} title={shipping ? `Ship ${unitText(shipping.model, shipping.serial)} (ticket #${shipping.ticket_number})` : 'Ship'} onClose={() => setShipping(null)}>
        {shipping && (
          <ShipForm
            r={shipping}
            heading={false}
            onShipped={(r) => {
              setShipping(null);
              setNotice(`Marked shipped: ${unitText(r.model, r.serial)} on ticket #${r.ticket_number}. The customer is emailed the tracking number.`);
              void load();
            }}
            onStale={() => void load()}
          />
        )}
      </Dialog>
    </>
  );
}
