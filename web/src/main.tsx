// The web app's entry: loads the session, then routes by path and role — customers to the
// portal, agents and admins to the console, admins also to the admin screens.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { isStaff, onUnauthorized } from './api';
import { Link, match, navigate, useLocation } from './router';
import { homeFor, loadSession, sessionExpired, useSession } from './session';
import { Login } from './screens/Login';
import { Welcome } from './screens/Welcome';
import { ConsoleLayout } from './screens/console/ConsoleLayout';
import { QueueScreen } from './screens/console/Queue';
import { TicketScreen } from './screens/console/TicketPage';
import { CallScreen } from './screens/console/Call';
import { ServicesScreen } from './screens/console/Services';
import { OverdueContactsScreen } from './screens/console/OverdueContacts';
import { ServicePage } from './screens/console/ServicePage';
import { ServiceEditor } from './screens/console/ServiceEditor';
import { ServiceHistory } from './screens/console/ServiceHistory';
import { ReportsScreen } from './screens/console/Reports';
import { PromisesScreen } from './screens/console/Promises';
import { ReplacementsScreen } from './screens/console/Replacements';
import { PreferencesScreen } from './screens/console/Preferences';
import { PortalLayout } from './screens/portal/PortalLayout';
import { PortalList } from './screens/portal/PortalList';
import { PortalNew } from './screens/portal/PortalNew';
import { PortalTicket } from './screens/portal/PortalTicket';
import { PortalChat } from './screens/portal/PortalChat';
import { PortalService, PortalServices } from './screens/portal/PortalServices';
import { ChatsScreen } from './screens/console/Chats';
import { AdminChatForms } from './screens/admin/ChatForms';
import { AdminIntakeQuestions } from './screens/admin/IntakeQuestions';
import { AdminUsers } from './screens/admin/Users';
import { AdminTeams } from './screens/admin/Teams';
import { AdminOrganizations } from './screens/admin/Organizations';
import { AdminTokens } from './screens/admin/Tokens';
import { AdminCategories } from './screens/admin/Categories';
import { AdminMailTemplates } from './screens/admin/MailTemplates';
import { AdminBoards } from './screens/admin/Boards';
import { AdminOrphans } from './screens/admin/Orphans';
import { MacrosScreen } from './screens/macros/MacrosScreen';
import { useTitle } from './components/common';
import './styles.css';

onUnauthorized(sessionExpired);

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound({ home }: { home: string }) {
  useTitle('Not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href={home}>Go to the start page</Link>.
      </p>
    </>
  );
}

function App() {
  const session = useSession();
  const loc = useLocation();
  if (!session.loaded) return <p class="loading-page">Loading…</p>;
  const me = session.me;
  const path = loc.path.replace(/\/+$/, '') || '/';

  // An invitation's page works signed out (and signed in: accepting signs in as the invited person).
  if (path === '/welcome') return <Welcome />;
  if (!me) {
    if (path === '/login') return <Login />;
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path + window.location.search)}`;
    return <Redirect to={`/login${next}`} />;
  }
  const home = homeFor(me);
  if (path === '/' || path === '/login') {
    const next = loc.query.get('next');
    return <Redirect to={next && next.startsWith('/') && !next.startsWith('//') ? next : home} />;
  }

  if (path === '/portal' || path.startsWith('/portal/')) {
    if (isStaff(me)) return <Redirect to="/console" />;
    let params: Record<string, string> | null;
    let screen;
    if (path === '/portal') screen = <PortalList />;
    else if (path === '/portal/new') screen = <PortalNew />;
    else if (path === '/portal/chat') screen = <PortalChat me={me} />;
    else if (path === '/portal/services') screen = <PortalServices />;
    else if ((params = match('/portal/services/:id', path))) screen = <PortalService id={Number(params.id)} />;
    else if ((params = match('/portal/tickets/:number', path))) screen = <PortalTicket number={Number(params.number)} />;
    else screen = <NotFound home={home} />;
    return <PortalLayout me={me}>{screen}</PortalLayout>;
  }

  if (!isStaff(me)) {
    if (path.startsWith('/console') || path.startsWith('/admin')) return <Redirect to={home} />;
    return (
      <PortalLayout me={me}>
        <NotFound home={home} />
      </PortalLayout>
    );
  }

  if (path === '/console' || path.startsWith('/console/')) {
    let params: Record<string, string> | null;
    let screen;
    if (path === '/console') screen = <QueueScreen me={me} queue="mine" />;
    else if ((params = match('/console/queues/:queue', path))) screen = <QueueScreen me={me} queue={params.queue} />;
    else if (path === '/console/search') screen = <QueueScreen me={me} queue="search" />;
    else if ((params = match('/console/tickets/:number', path))) screen = <TicketScreen me={me} number={Number(params.number)} />;
    else if (path === '/console/call') screen = <CallScreen me={me} />;
    else if (path === '/console/chats') screen = <ChatsScreen me={me} />;
    else if (path === '/console/services') screen = <ServicesScreen me={me} />;
    else if (path === '/console/services/overdue') screen = <OverdueContactsScreen me={me} />;
    else if (path === '/console/services/new') screen = <ServiceEditor />;
    else if ((params = match('/console/services/:id', path))) screen = <ServicePage id={Number(params.id)} />;
    else if ((params = match('/console/services/:id/edit', path))) screen = <ServiceEditor id={Number(params.id)} />;
    else if ((params = match('/console/services/:id/history', path))) screen = <ServiceHistory id={Number(params.id)} />;
    else if (path === '/console/reports') screen = <ReportsScreen me={me} />;
    else if (path === '/console/promises') screen = <PromisesScreen />;
    else if (path === '/console/replacements') screen = <ReplacementsScreen />;
    else if (path === '/console/preferences') screen = <PreferencesScreen me={me} />;
    else if (path === '/console/macros') screen = <MacrosScreen scope="personal" />;
    else screen = <NotFound home={home} />;
    return <ConsoleLayout me={me}>{screen}</ConsoleLayout>;
  }

  if (path === '/admin' || path.startsWith('/admin/')) {
    if (me.role !== 'admin') {
      return (
        <ConsoleLayout me={me}>
          <h1>Admins only</h1>
          <p>These screens are for administrators.</p>
        </ConsoleLayout>
      );
    }
    let screen;
    if (path === '/admin' || path === '/admin/users') screen = <AdminUsers me={me} />;
    else if (path === '/admin/teams') screen = <AdminTeams />;
    else if (path === '/admin/organizations') screen = <AdminOrganizations />;
    else if (path === '/admin/boards') screen = <AdminBoards />;
    else if (path === '/admin/tokens') screen = <AdminTokens me={me} />;
    else if (path === '/admin/categories') screen = <AdminCategories />;
    else if (path === '/admin/mail-templates') screen = <AdminMailTemplates />;
    else if (path === '/admin/macros') screen = <MacrosScreen scope="shared" />;
    else if (path === '/admin/chat-forms') screen = <AdminChatForms />;
    else if (path === '/admin/intake-questions') screen = <AdminIntakeQuestions />;
    else if (path === '/admin/orphans') screen = <AdminOrphans />;
    else screen = <NotFound home={home} />;
    return <ConsoleLayout me={me}>{screen}</ConsoleLayout>;
  }

  return (
    <ConsoleLayout me={me}>
      <NotFound home={home} />
    </ConsoleLayout>
  );
}

void loadSession();
render(<App />, document.getElementById('app')!);
