// The portal's service directory (customers): find a service by name, keyword or a pasted web
// address, and see how to reach its support — only the services and contacts the directory
// marks public (the server filters them; this screen never sees the rest).
import { ApiError, get } from '../../api';
import { ErrorMessage, Field, useData, useTitle } from '../../components/common';
import { ServiceContacts } from '../../components/ServiceContacts';
import { useAddressSearch } from '../../components/useAddressSearch';
import { Link, useLocation } from '../../router';
import { searchServices, type Service } from '../../services';
import { contactKindLabel } from '../../service_text';

export function PortalServices() {
  useTitle('Services');
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const { text, setText, go } = useAddressSearch('/portal/services', q);
  const { data, error, loading } = useData(() => searchServices(q), [q]);

  return (
    <section aria-labelledby="portal-services-title">
      <h1 id="portal-services-title">Services</h1>
      <p class="lede">Who supports what, and how to reach them.</p>
      <form
        role="search"
        aria-label="Services"
        class="inline-form service-search"
        onSubmit={(e) => {
          e.preventDefault();
          go(text);
        }}
      >
        <Field label="Find a service" hint="A name, a keyword, or paste the address of the site you need help with.">
          {(p) => <input {...p} type="search" value={text} autoComplete="off" onInput={(e) => setText(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button-secondary">
          Search
        </button>
      </form>
      <ErrorMessage text={error} />
      <p role="status" class="muted">
        {data && !loading && q ? (data.length === 1 ? '1 service found.' : `${data.length} services found.`) : ''}
      </p>
      {data && data.length === 0 && (
        <p class="empty">
          {q ? 'No service matches.' : 'No services are listed yet.'} <Link href="/portal/new">Ask us for help</Link> and we will find out.
        </p>
      )}
      {data && data.length > 0 && (
        <ul class="card-list" aria-label="Services">
          {data.map((s) => (
            <li key={s.id} class="card">
              <Link href={`/portal/services/${s.id}`} class="card-title">
                {s.name}
              </Link>
              {s.description && <p>{s.description}</p>}
              <p class="card-meta muted">{primaryLine(s)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function primaryLine(s: Service): string {
  const c = s.contacts.find((x) => x.primary) ?? s.contacts[0];
  return c ? `${contactKindLabel(c.kind)}: ${c.value}` : 'No public contact: ask us for help.';
}

export function PortalService({ id }: { id: number }) {
  const { data: service, error } = useData(
    () =>
      get<Service>(`/services/${id}`).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [id],
  );
  useTitle(service ? service.name : 'Service');
  if (service === null) {
    return (
      <>
        <h1>Service not found</h1>
        <p>
          There is no such service in the directory. <Link href="/portal/services">Search the services</Link>.
        </p>
      </>
    );
  }
  if (!service) {
    return (
      <>
        <h1>Service</h1>
        {error ? <ErrorMessage text={error} /> : <p>Loading…</p>}
      </>
    );
  }
  return (
    <article aria-labelledby="portal-service-title">
      <p class="back">
        <Link href="/portal/services">← Services</Link>
      </p>
      <h1 id="portal-service-title">{service.name}</h1>
      {service.description && <p>{service.description}</p>}
      {service.urls.length > 0 && (
        <>
          <h2>Web addresses</h2>
          <ul class="plain-list">
            {service.urls.map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </>
      )}
      <section aria-labelledby="portal-contacts-title" class="panel">
        <h2 id="portal-contacts-title">How to reach its support</h2>
        <ServiceContacts contacts={service.contacts} staff={false} empty="No public contact is listed for this service." />
      </section>
      <p>
        Still stuck? <Link href="/portal/new">Ask us for help</Link>.
      </p>
    </article>
  );
}
