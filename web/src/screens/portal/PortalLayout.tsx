// The customer portal's frame: a simple header (product, my tickets, new ticket, chat, services, sign out) and
// the main region; laid out for phone-sized screens first.
import type { ComponentChildren } from 'preact';
import type { Me } from '../../api';
import { Link, navigate, useLocation } from '../../router';
import { signOut } from '../../session';

export function PortalLayout({ me, children }: { me: Me; children: ComponentChildren }) {
  const loc = useLocation();
  return (
    <div class="app portal">
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="topbar portal-bar">
        <Link href="/portal" class="brand">
          Frontline <span class="brand-sub">Support</span>
        </Link>
        <nav aria-label="Main" class="mainnav">
          <Link href="/portal" aria-current={loc.path === '/portal' ? 'page' : undefined}>
            My tickets
          </Link>
          <Link href="/portal/new" aria-current={loc.path === '/portal/new' ? 'page' : undefined}>
            New ticket
          </Link>
          <Link href="/portal/chat" aria-current={loc.path === '/portal/chat' ? 'page' : undefined}>
            Chat with us
          </Link>
          <Link href="/portal/services" aria-current={loc.path.startsWith('/portal/services') ? 'page' : undefined}>
            Services
          </Link>
        </nav>
        <div class="usermenu">
          <span class="username" title={me.email}>
            {me.name}
          </span>
          <button type="button" class="button-quiet" onClick={() => void signOut().then(() => navigate('/login'))}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} class="portal-main">
        {children}
      </main>
    </div>
  );
}
