// Add or change a service (staff): name, description, web addresses (one per line), keywords,
// team, whether customers see it, and its contacts with their call trees. A change is sent with
// If-Match, so someone else's save in between is reported instead of overwritten; every save is
// a revision (see the History page).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, post, request, type Team } from '../../api';
import { ErrorMessage, Field, useFormErrors, useTitle } from '../../components/common';
import { ContactEditor } from '../../components/ContactEditor';
import { teams } from '../../directory';
import { Link, navigate } from '../../router';
import { type Service } from '../../services';
import { type ContactRow, formFromService, formProblems, makePrimary, newContactRow, serviceBody, type ServiceForm } from '../../service_form';
import { splitFieldErrors } from '../../service_text';

const STALE = 'Someone else changed this service after you opened it, so your changes were not saved. Reload to see their version, then make your edit again.';

/** `id` absent: a new service. */
export function ServiceEditor({ id }: { id?: number }) {
  const [form, setForm] = useState<ServiceForm | null>(id ? null : formFromService());
  const [version, setVersion] = useState<string | null>(null);
  const [loadError, setLoadError] = useState('');
  const [teamList, setTeamList] = useState<Team[]>([]);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const { error, setError, fields, setFields, fail, edited } = useFormErrors();
  useTitle(id ? (form ? `Edit ${form.name}` : 'Edit service') : 'New service');

  const load = async () => {
    if (!id) return;
    try {
      const r = await request<Service>('GET', `/services/${id}`);
      setForm(formFromService(r.data));
      setVersion(r.etag);
      setStale(false);
      setLoadError('');
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    }
  };
  useEffect(() => {
    teams().then(setTeamList, () => {});
    void load();
  }, [id]);

  if (!form) {
    return (
      <>
        <h1>Edit service</h1>
        {loadError ? <ErrorMessage text={loadError} /> : <p>Loading…</p>}
      </>
    );
  }

  const set = (patch: Partial<ServiceForm>, field?: string) => {
    setForm({ ...form, ...patch });
    if (field) edited(field);
  };
  const setContacts = (contacts: ContactRow[]) => setForm({ ...form, contacts });
  // An edited input of a contact loses its error (the message was about the old value).
  const contactEdited = (at: number, before: ContactRow, after: ContactRow) => {
    const rest = { ...fields };
    for (const k of Object.keys(after) as (keyof ContactRow)[]) {
      if (before[k] !== after[k]) delete rest[`contacts[${at}].${k === 'steps' ? 'call_tree' : k}`];
    }
    if (Object.keys(rest).length === Object.keys(fields).length) return;
    setFields(rest);
    if (Object.keys(rest).length === 0) setError('');
  };
  const errors = splitFieldErrors(fields);

  const save = async (e: Event) => {
    e.preventDefault();
    const problems = formProblems(form);
    if (Object.keys(problems).length) {
      setFields(problems);
      setError(problems.contacts ?? 'Some fields need attention.');
      return;
    }
    setBusy(true);
    try {
      const body = serviceBody(form);
      const saved = id
        ? (await request<Service>('PATCH', `/services/${id}`, body, version ? { 'If-Match': version } : {})).data
        : await post<Service>('/services', body);
      navigate(`/console/services/${saved.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 412) {
        setStale(true);
        setError(STALE);
      } else {
        fail(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const title = id ? `Edit ${form.name || 'service'}` : 'New service';
  return (
    <section aria-labelledby="service-edit-title" class="service-editor">
      <p class="back">{id ? <Link href={`/console/services/${id}`}>← Back to the service</Link> : <Link href="/console/services">← Service directory</Link>}</p>
      <h1 id="service-edit-title">{title}</h1>
      <form onSubmit={save} class="stack" noValidate>
        <Field label="Name" error={errors.service.name}>
          {(p) => <input {...p} value={form.name} onInput={(e) => set({ name: e.currentTarget.value }, 'name')} />}
        </Field>
        <Field label="Description" error={errors.service.description}>
          {(p) => <textarea {...p} rows={3} value={form.description} onInput={(e) => set({ description: e.currentTarget.value }, 'description')} />}
        </Field>
        <Field label="Web addresses" hint="One per line. Any page on these sites finds the service when pasted into a search." error={errors.service.urls}>
          {(p) => <textarea {...p} rows={3} value={form.urls} onInput={(e) => set({ urls: e.currentTarget.value }, 'urls')} />}
        </Field>
        <div class="row">
          <Field label="Keywords" hint="Separate keywords with commas." error={errors.service.keywords}>
            {(p) => <input {...p} value={form.keywords} onInput={(e) => set({ keywords: e.currentTarget.value }, 'keywords')} />}
          </Field>
          <Field label="Supporting team" error={errors.service.team_id}>
            {(p) => (
              <select {...p} value={form.team_id} onChange={(e) => set({ team_id: e.currentTarget.value }, 'team_id')}>
                <option value="">No team</option>
                {teamList.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                  </option>
                ))}
                {form.team_id && !teamList.some((t) => String(t.id) === form.team_id) && <option value={form.team_id}>Team #{form.team_id}</option>}
              </select>
            )}
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" checked={form.public} onChange={(e) => set({ public: e.currentTarget.checked })} /> Customers may see this service in the portal
        </label>
        <h2>Contacts</h2>
        {errors.service.contacts && <p class="field-error">{errors.service.contacts}</p>}
        {form.contacts.length === 0 && <p class="muted">No contacts yet. A service nobody can be reached for is listed as an orphan.</p>}
        {form.contacts.map((row, i) => (
          <ContactEditor
            key={row.key}
            row={row}
            legend={`Contact ${i + 1}`}
            errors={errors.contacts[i]}
            onChange={(r) => {
              setContacts(form.contacts.map((x) => (x.key === row.key ? r : x)));
              contactEdited(i, row, r);
            }}
            onPrimary={(on) => setContacts(makePrimary(form.contacts, row.key, on))}
            onRemove={() => setContacts(form.contacts.filter((x) => x.key !== row.key))}
          />
        ))}
        <p>
          <button type="button" class="button-secondary" onClick={() => setContacts([...form.contacts, newContactRow()])}>
            Add a contact
          </button>
        </p>
        <ErrorMessage text={error} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : id ? 'Save changes' : 'Create service'}
          </button>
          {stale && (
            <button type="button" class="button-secondary" onClick={() => void load().then(() => setError(''))}>
              Reload
            </button>
          )}
          <Link href={id ? `/console/services/${id}` : '/console/services'} class="button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
