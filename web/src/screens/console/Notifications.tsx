// The console header's bell: how many notifications are unread ("Notifications, 3 unread"), and a
// panel listing the latest in plain words, newest first. Opening one marks it read and goes to its
// ticket; "Mark all read" clears the count. The count follows the live feed: the server writes a
// notification with the event that caused it, so on ticket.assigned or message.added the list is
// fetched again (debounced). Esc or a click elsewhere closes the panel; Esc puts focus back on the bell.
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, get, type Notification, post } from '../../api';
import { Time } from '../../components/common';
import { useLiveRefresh } from '../../live';
import { navigate } from '../../router';

const SHOWN = 30;

/** The notification as a sentence: "Ann Lee assigned #12 Printer on fire to you". */
export function notificationText(n: Notification): string {
  const ticket = `#${n.ticket_number} ${n.subject}`;
  const who = n.actor?.name ?? 'Someone';
  switch (n.kind) {
    case 'assigned':
      return `${who} assigned ${ticket} to you`;
    case 'customer_replied':
      return `The customer replied on ${ticket}`;
    case 'mentioned':
      return `${who} mentioned you on ${ticket}`;
    case 'contact_reported_wrong':
      return `${who} reported a contact of your team's service wrong on ${ticket}`;
    case 'promise_due':
      return `A promise of yours on ${ticket} is due soon`;
    default:
      return `News on ${ticket}`;
  }
}

export function NotificationBell() {
  const [items, setItems] = useState<Notification[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const load = async () => {
    try {
      const r = await get<{ items: Notification[]; unread: number }>(`/notifications?limit=${SHOWN}`);
      setItems(r.items);
      setUnread(r.unread);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };
  useEffect(() => void load(), []);
  useLiveRefresh((e) => e.type === 'ticket.assigned' || e.type === 'message.added', () => void load());

  // A click outside the panel closes it (focus stays where the click put it).
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const markRead = async (body: { ids: number[] } | { all: true }) => {
    try {
      const r = await post<{ unread: number }>('/notifications/read', body);
      setUnread(r.unread);
      setItems((xs) => xs?.map((x) => ('all' in body || body.ids.includes(x.id) ? { ...x, read: true } : x)) ?? null);
      setError('');
    } catch (e) {
      setError(errorText(e));
    }
  };

  const follow = (n: Notification) => (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    setOpen(false);
    if (!n.read) void markRead({ ids: [n.id] });
    navigate(`/console/tickets/${n.ticket_number}`);
  };

  return (
    <div
      class="notifications"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        type="button"
        ref={button}
        class="bell button-quiet"
        aria-expanded={open}
        aria-controls="notifications-panel"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        onClick={() => {
          if (!open) void load();
          setOpen(!open);
        }}
      >
        <BellIcon />
        {unread > 0 && (
          <span class="count bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div id="notifications-panel" ref={panel} class="notifications-panel" role="region" aria-label="Notifications" hidden={!open}>
        <div class="notifications-head">
          <h2>Notifications</h2>
          <button type="button" class="button-quiet button-small" disabled={unread === 0} onClick={() => void markRead({ all: true })}>
            Mark all read
          </button>
        </div>
        {error && (
          <p role="alert" class="field-error">
            {error}
          </p>
        )}
        {!open ? null : items === null ? (
          <p class="muted">Loading…</p>
        ) : items.length === 0 ? (
          <p class="muted">Nothing yet. You hear here when a ticket is assigned to you, its customer replies, or someone mentions you.</p>
        ) : (
          <ul class="notification-list">
            {items.map((n) => (
              <li key={n.id} class={n.read ? 'notification' : 'notification unread'}>
                <a href={`/console/tickets/${n.ticket_number}`} onClick={follow(n)}>
                  {!n.read && <span class="sr-only">Unread: </span>}
                  {notificationText(n)}
                </a>
                <span class="muted">
                  <Time iso={n.created_at} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function BellIcon() {
  return (
    <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="18" height="18" focusable="false">
      <path
        fill="currentColor"
        d="M8 1.5a1 1 0 0 0-1 1v.4A4.5 4.5 0 0 0 3.5 7.3V10l-1.3 1.7a.5.5 0 0 0 .4.8h10.8a.5.5 0 0 0 .4-.8L12.5 10V7.3A4.5 4.5 0 0 0 9 2.9v-.4a1 1 0 0 0-1-1ZM6.3 13.5a1.8 1.8 0 0 0 3.4 0H6.3Z"
      />
    </svg>
  );
}
