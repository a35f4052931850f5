// The staff frame: header (product, search, Queues / Chats / Log a call / Directory / Promises /
// Replacements / Reports / Admin, live indicator, notifications, preferences, sign out), the side
// navigation (queues with counts and saved filters, or the admin sections), the main region, and the "?" shortcuts dialog. On a phone the header's
// links and the side navigation fold behind one "Menu" button (styles.css hides them).
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { del, errorText, get, type Me, qs, type SavedFilter, type List } from '../../api';
import { Dialog } from '../../components/common';
import { useKeys } from '../../components/keys';
import { teams } from '../../directory';
import { useLiveRefresh, useLiveState } from '../../live';
import { queuesFor, type QueueDef } from '../../queues';
import { Link, navigate, useLocation } from '../../router';
import { signOut } from '../../session';
import { useWaitingChats } from '../../chat/waiting';
import { NotificationBell } from './Notifications';

// Saved filters change from the queue screen; it calls this to refresh the side nav.
const filterListeners = new Set<() => void>();
export function savedFiltersChanged() {
  filterListeners.forEach((l) => l());
}

/** Which header link names the current page. */
function sectionOf(path: string) {
  if (path.startsWith('/admin')) return 'admin';
  if (path === '/console/call') return 'call';
  if (path.startsWith('/console/services')) return 'directory';
  if (path === '/console/chats') return 'chats';
  if (path === '/console/reports') return 'reports';
  if (path === '/console/promises') return 'promises';
  if (path === '/console/replacements') return 'replacements';
  if (path === '/console/preferences') return 'preferences';
  return 'queues';
}

export function ConsoleLayout({ me, children }: { me: Me; children: ComponentChildren }) {
  const loc = useLocation();
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const isAdmin = loc.path.startsWith('/admin');
  const [q, setQ] = useState(loc.path === '/console/search' ? (loc.query.get('q') ?? '') : '');
  useEffect(() => {
    setQ(loc.path === '/console/search' ? (loc.query.get('q') ?? '') : '');
    setMenuOpen(false); // a link in the menu was followed: show the page
  }, [loc.path, loc.query.toString()]);
  // Esc inside the open menu closes it and puts focus back on its button.
  const closeMenuOnEscape = (e: KeyboardEvent) => {
    const inMenu = (e.target as Element | null)?.closest?.('#main-nav, #user-menu, #side-nav, .menu-button');
    if (e.key !== 'Escape' || !menuOpen || !inMenu) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  useKeys({
    '/': () => searchRef.current?.focus(),
    '?': () => setHelp(true),
  });

  const section = sectionOf(loc.path);
  return (
    <div class={menuOpen ? 'app console menu-open' : 'app console'} onKeyDown={closeMenuOnEscape}>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="topbar">
        <Link href="/console" class="brand">
          Frontline
        </Link>
        <button
          type="button"
          class="menu-button button-quiet"
          ref={menuButton}
          aria-expanded={menuOpen}
          aria-controls="main-nav user-menu side-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <form
          role="search"
          class="search"
          onSubmit={(e) => {
            e.preventDefault();
            // "#123" (or "123") is a ticket number: go straight to it.
            const number = /^#?(\d{1,12})$/.exec(q.trim());
            if (number) {
              setQ('');
              navigate(`/console/tickets/${Number(number[1])}`);
            } else {
              navigate(`/console/search${qs({ q: q.trim() })}`);
            }
            searchRef.current?.blur();
          }}
        >
          <label for="global-search" class="sr-only">
            Search tickets
          </label>
          <input
            id="global-search"
            ref={searchRef}
            type="search"
            placeholder="Search (press /)  e.g. printer status:open assignee:me, or #123"
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') e.currentTarget.blur();
            }}
          />
          <button type="submit" class="button-quiet">
            Search
          </button>
        </form>
        <nav aria-label="Main" class="mainnav" id="main-nav">
          <Link href="/console" aria-current={section === 'queues' ? 'page' : undefined}>
            Queues
          </Link>
          <ChatsLink current={section === 'chats'} />
          <Link href="/console/call" aria-current={section === 'call' ? 'page' : undefined}>
            Log a call
          </Link>
          <Link href="/console/services" aria-current={section === 'directory' ? 'page' : undefined}>
            Directory
          </Link>
          <Link href="/console/promises" aria-current={section === 'promises' ? 'page' : undefined}>
            Promises
          </Link>
          <Link href="/console/replacements" aria-current={section === 'replacements' ? 'page' : undefined}>
            Replacements
          </Link>
          <Link href="/console/reports" aria-current={section === 'reports' ? 'page' : undefined}>
            Reports
          </Link>
          {me.role === 'admin' && (
            <Link href="/admin/users" aria-current={section === 'admin' ? 'page' : undefined}>
              Admin
            </Link>
          )}
        </nav>
        <LiveIndicator />
        <NotificationBell />
        <div class="usermenu" id="user-menu">
          <button type="button" class="button-quiet" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
          <span class="username" title={me.email}>
            {me.name}
          </span>
          <Link href="/console/macros" class="button-quiet" aria-current={loc.path === '/console/macros' ? 'page' : undefined}>
            My macros
          </Link>
          <Link href="/console/preferences" class="button-quiet" aria-current={section === 'preferences' ? 'page' : undefined}>
            Preferences
          </Link>
          <button type="button" class="button-quiet" onClick={() => void signOut().then(() => navigate('/login'))}>
            Sign out
          </button>
        </div>
      </header>
      <div class="shell">
        {isAdmin ? <AdminNav path={loc.path} /> : <QueueNav me={me} loc={loc.path + '?' + loc.query.toString()} />}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <Dialog open={help} title="Keyboard shortcuts" onClose={() => setHelp(false)}>
        <dl class="shortcuts">
          {[
            ['j', 'Next ticket in the list'],
            ['k', 'Previous ticket in the list'],
            ['Enter', 'Open the selected ticket'],
            ['x', 'Select the current ticket for bulk actions'],
            ['r', 'Reply to the customer (on a ticket)'],
            ['n', 'Add an internal note (on a ticket)'],
            ['/', 'Search'],
            ['?', 'Show these shortcuts'],
            ['Esc', 'Close this dialog, leave the search box'],
          ].map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </div>
  );
}

// "Chats" with the number of waiting chats; it flashes when a new one starts waiting. The
// count's text is part of the link's name, so a screen reader hears "Chats, 2 waiting".
function ChatsLink({ current }: { current: boolean }) {
  const { count, flashing } = useWaitingChats();
  return (
    <Link href="/console/chats" aria-current={current ? 'page' : undefined} class={flashing ? 'chats-link flash' : 'chats-link'}>
      Chats
      {count !== null && count > 0 && (
        <span class="count chats-count">
          {count}
          <span class="sr-only"> waiting</span>
        </span>
      )}
    </Link>
  );
}

function LiveIndicator() {
  const s = useLiveState();
  const text = s === 'live' ? 'Live' : s === 'off' ? 'Offline' : s === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span class={`live live-${s}`} role="status" aria-live="polite" title="Live updates">
      <span aria-hidden="true" class="dot" />
      {text}
    </span>
  );
}

function AdminNav({ path }: { path: string }) {
  const links = [
    ['/admin/users', 'Users'],
    ['/admin/teams', 'Teams'],
    ['/admin/organizations', 'Organisations'],
    ['/admin/boards', 'Boards'],
    ['/admin/categories', 'Categories'],
    ['/admin/intake-questions', 'Intake questions'],
    ['/admin/mail-templates', 'Mail templates'],
    ['/admin/macros', 'Macros'],
    ['/admin/chat-forms', 'Chat forms'],
    ['/admin/orphans', 'Orphan services'],
    ['/admin/tokens', 'API tokens'],
  ];
  return (
    <nav aria-label="Administration" class="sidenav" id="side-nav">
      <h2 class="sidenav-title">Admin</h2>
      <ul>
        {links.map(([href, name]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href || (path === '/admin' && href === '/admin/users') ? 'page' : undefined}>
              {name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

async function countOf(q: QueueDef): Promise<string | null> {
  try {
    const r = await get<{ count: number; capped?: boolean }>(`/tickets/count${qs(q.params)}`);
    return r.count.toLocaleString('en') + (r.capped ? '+' : '');
  } catch {
    return null;
  }
}

function QueueNav({ me, loc }: { me: Me; loc: string }) {
  const [queues, setQueues] = useState<QueueDef[]>(() => queuesFor(me, []));
  const [counts, setCounts] = useState<Record<string, string | null>>({});
  const [filters, setFilters] = useState<SavedFilter[] | null>(null);
  const [error, setError] = useState('');

  const loadCounts = async (qs_: QueueDef[]) => {
    const values = await Promise.all(qs_.map(countOf));
    setCounts(Object.fromEntries(qs_.map((q, i) => [q.key, values[i]])));
  };
  const loadFilters = () =>
    get<List<SavedFilter>>('/me/filters').then(
      (l) => setFilters(l.items),
      () => setFilters(null),
    );

  useEffect(() => {
    let alive = true;
    teams()
      .catch(() => [])
      .then((ts) => {
        if (!alive) return;
        const qd = queuesFor(me, ts);
        setQueues(qd);
        void loadCounts(qd);
      });
    void loadFilters();
    filterListeners.add(loadFilters);
    return () => {
      alive = false;
      filterListeners.delete(loadFilters);
    };
  }, [me.id]);

  useLiveRefresh((e) => e.ticket_number !== null, () => void loadCounts(queues), 400);

  return (
    <nav aria-label="Queues" class="sidenav" id="side-nav">
      <h2 class="sidenav-title">Queues</h2>
      <ul>
        {queues.map((q) => {
          const href = q.key === 'mine' ? '/console' : `/console/queues/${q.key}`;
          const current = loc.split('?')[0] === href;
          const c = counts[q.key];
          return (
            <li key={q.key}>
              <Link href={href} aria-current={current ? 'page' : undefined}>
                <span>{q.name}</span>
                {c !== undefined && c !== null && (
                  <span class="count" aria-label={`${c} tickets`}>
                    {c}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      <h2 class="sidenav-title">Saved filters</h2>
      {filters === null ? (
        <p class="hint">Saved filters are not available.</p>
      ) : filters.length === 0 ? (
        <p class="hint">Search, then save the search as a filter.</p>
      ) : (
        <ul>
          {filters.map((f) => {
            const href = `/console/search${qs({ q: f.query })}`;
            return (
              <li key={f.id} class="filter-item">
                <Link href={href} title={f.query}>
                  {f.name}
                </Link>
                <button
                  type="button"
                  class="button-quiet button-small"
                  aria-label={`Delete filter ${f.name}`}
                  onClick={async () => {
                    try {
                      await del(`/me/filters/${f.id}`);
                      setError('');
                      void loadFilters();
                    } catch (e) {
                      setError(errorText(e));
                    }
                  }}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p role="alert" class="field-error">
          {error}
        </p>
      )}
    </nav>
  );
}
