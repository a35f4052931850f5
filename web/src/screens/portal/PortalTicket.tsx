// A customer's ticket: the public conversation, a reply box with attachments, "Mark as
// resolved" / "Reopen", and any hardware replacement with its address form (PortalReplacements).
// Internal notes and agent-only fields never reach this screen (the API does not send them) and
// it offers no agent controls. Staff replies and status changes appear
// live (the feed's events for this ticket refetch it); the reply box keeps what is being typed.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText, get, type List, type Message, patch, type Ticket } from '../../api';
import { ErrorMessage, Notice, StatusBadge, Time, useTitle } from '../../components/common';
import { Composer, Conversation } from '../../components/conversation';
import { TicketFields } from '../../components/IntakeQuestions';
import { useLiveRefresh } from '../../live';
import { Link, useLocation } from '../../router';
import { PortalReplacements } from './PortalReplacements';

export function PortalTicket({ number }: { number: number }) {
  const loc = useLocation();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [error, setError] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [notice, setNotice] = useState(loc.query.get('created') ? `Ticket #${number} is open. We will be in touch.` : '');
  useTitle(ticket ? `#${ticket.number} ${ticket.subject}` : `Ticket #${number}`);

  const load = async () => {
    try {
      const [t, ms] = await Promise.all([get<Ticket>(`/tickets/${number}`), get<List<Message>>(`/tickets/${number}/messages`)]);
      setTicket(t);
      setMessages(ms.items);
      setError('');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotFound(true);
      else setError(errorText(e));
    }
  };
  useEffect(() => {
    setTicket(null);
    setNotFound(false);
    void load();
  }, [number]);
  useLiveRefresh((e) => e.ticket_number === number, () => void load());

  const setStatus = async (status: 'resolved' | 'open') => {
    try {
      const t = await patch<Ticket>(`/tickets/${number}`, { status });
      setTicket(t);
      setNotice(status === 'resolved' ? 'Marked as resolved. Thank you!' : 'Reopened. We will take another look.');
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };

  if (notFound) {
    return (
      <>
        <h1>Ticket not found</h1>
        <p>
          We could not find ticket #{number}. <Link href="/portal">Back to my tickets</Link>.
        </p>
      </>
    );
  }
  if (!ticket) {
    return (
      <>
        <h1>Ticket #{number}</h1>
        {error ? <ErrorMessage text={error} /> : <p>Loading…</p>}
      </>
    );
  }
  return (
    <article aria-labelledby="pt-title" class="portal-ticket">
      <p class="back">
        <Link href="/portal">← My tickets</Link>
      </p>
      <p class="ticket-number">Ticket #{ticket.number}</p>
      <h1 id="pt-title">{ticket.subject}</h1>
      <p class="badges">
        <StatusBadge status={ticket.status} />{' '}
        <span class="muted">
          Opened <Time iso={ticket.created_at} />
        </span>
      </p>
      {ticket.merged_into && (
        <p class="notice merged-notice">
          This request was combined with another one of yours. The conversation continues in{' '}
          <Link href={`/portal/tickets/${ticket.merged_into}`}>ticket #{ticket.merged_into}</Link>.
        </p>
      )}
      <Notice text={notice} />
      <ErrorMessage text={error} />
      <div class="status-actions">
        {ticket.status !== 'resolved' && ticket.status !== 'closed' && (
          <button type="button" class="button-secondary" onClick={() => void setStatus('resolved')}>
            Mark as resolved
          </button>
        )}
        {ticket.status === 'resolved' && (
          <button type="button" class="button-secondary" onClick={() => void setStatus('open')}>
            Reopen
          </button>
        )}
      </div>
      <TicketFields fields={ticket.fields} />
      <PortalReplacements items={ticket.replacements ?? []} onChanged={() => void load()} />
      <section aria-labelledby="pconv-title">
        <h2 id="pconv-title">Conversation</h2>
        <Conversation messages={messages} requesterId={ticket.requester.id} />
      </section>
      <section aria-labelledby="preply-title">
        <h2 id="preply-title">Reply</h2>
        <Composer
          number={number}
          staff={false}
          mode="public"
          onMode={() => {}}
          onSent={() => {
            setNotice('Your reply was sent.');
            void load();
          }}
          disabledReason={
            ticket.merged_into
              ? `This ticket was combined into ticket #${ticket.merged_into}; please reply there.`
              : ticket.status === 'closed'
                ? 'This ticket is closed. Please open a new ticket if you need more help.'
                : undefined
          }
        />
      </section>
    </article>
  );
}
