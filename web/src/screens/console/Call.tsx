// Log a phone call: find the caller (or enter a new one), write their problem in their words
// (public: they see it in the portal) and your own call notes (internal), and get the ticket
// number at once — big, in a status region — to read back to the caller. The server records
// the call (who took it, when, how long) in the ticket's history. The ticket goes to whoever took
// the call unless they choose otherwise, with a team and category; a known caller's open
// tickets are listed, and the call can be added to one of them instead ("she quoted #1"). The
// service the call is about is found by name, keyword or a URL the caller reads out or pastes;
// its call tree shows at once, and the ticket gets that service. The intake questions of the
// category and service (of the chosen open ticket, when the call is added to one) are asked too.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Category, errorText, get, type List, type Me, OPEN_STATUSES, patch, post, PRIORITIES, qs, type Team, type Ticket, type User } from '../../api';
import { ErrorMessage, Field, priorityLabel, StatusBadge, useFormErrors, useTitle } from '../../components/common';
import { ServiceContacts } from '../../components/ServiceContacts';
import { answersToSend, type IntakeAnswers, IntakeFields, missingAnswers, useIntakeForm } from '../../components/IntakeQuestions';
import { ServicePicker } from '../../components/ServicePicker';
import { categories, staffUsers, teams } from '../../directory';
import { Link } from '../../router';
import type { Service } from '../../services';

export function CallScreen({ me }: { me: Me }) {
  useTitle('Log a phone call');
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<User[] | null>(null);
  const [caller, setCaller] = useState<string>('new'); // a user id, or "new"
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [subject, setSubject] = useState('');
  const [problem, setProblem] = useState('');
  const [notes, setNotes] = useState('');
  const [minutes, setMinutes] = useState('');
  const [priority, setPriority] = useState('normal');
  const [assignee, setAssignee] = useState(String(me.id)); // whoever took the call, by default
  const [team, setTeam] = useState('');
  const [category, setCategory] = useState('');
  const [target, setTarget] = useState('new'); // "new", or the number of an open ticket
  const [service, setService] = useState<Service | null>(null);
  const [pickerKey, setPickerKey] = useState(0); // a new key empties the service search
  const [theirOpen, setTheirOpen] = useState<Ticket[]>([]);
  const [dir, setDir] = useState<{ staff: User[]; teams: Team[]; categories: Category[] | null }>({ staff: [], teams: [], categories: [] });
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, clear, fail } = useFormErrors();
  const [created, setCreated] = useState<Ticket | null>(null);
  const [addedTo, setAddedTo] = useState(false); // the call went onto an existing ticket
  const [warning, setWarning] = useState('');
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void Promise.all([staffUsers().catch(() => []), teams().catch(() => []), categories()]).then(([staff, ts, cats]) =>
      setDir({ staff: staff.filter((u) => !u.disabled), teams: ts, categories: cats }),
    );
  }, []);

  useEffect(() => {
    const text = search.trim();
    if (text.length < 2) {
      setFound(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const list = await get<List<User>>(`/users${qs({ q: text, role: 'customer' })}`);
        // Filter here too, so the result is right even where the server ignores q.
        const t = text.toLowerCase();
        const hits = list.items.filter((u) => u.name.toLowerCase().includes(t) || u.email.toLowerCase().includes(t));
        if (alive) setFound(hits.slice(0, 20));
      } catch {
        if (alive) setFound([]);
      }
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [search]);

  const chosen = found?.find((u) => String(u.id) === caller);

  useEffect(() => {
    setTarget('new');
    if (!chosen) {
      setTheirOpen([]);
      return;
    }
    let alive = true;
    get<List<Ticket>>(`/tickets${qs({ requester: chosen.id, status: OPEN_STATUSES.join(','), limit: 10 })}`).then(
      (l) => alive && setTheirOpen(l.items),
      () => alive && setTheirOpen([]),
    );
    return () => {
      alive = false;
    };
  }, [chosen?.id]);
  const existing = target === 'new' ? null : Number(target);
  const existingTicket = existing ? theirOpen.find((t) => t.number === existing) : undefined;
  // A new ticket asks its category's and service's questions; an existing one, its own form's.
  const questions = useIntakeForm(existingTicket ? existingTicket.category : category, existingTicket ? existingTicket.service_id : service?.id);
  const [answers, setAnswers] = useState<IntakeAnswers>({});

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!chosen) {
      if (!name.trim()) problems.requester_name = 'Enter the caller’s name.';
      if (!email.trim()) problems.requester_email = 'Enter the caller’s email address.';
    }
    if (!existing && !subject.trim()) problems.subject = 'Enter a subject.';
    if (!existing && !problem.trim()) problems.body = 'Describe the caller’s problem in their words.';
    if (existing && !notes.trim()) problems.call_notes = 'Write what the call was about.';
    const mins = minutes.trim() === '' ? undefined : Number(minutes.trim());
    if (mins !== undefined && (!Number.isInteger(mins) || mins < 0 || mins > 1440)) {
      problems.call_minutes = 'Enter the length of the call in whole minutes, for example 5.';
    }
    if (!existing) Object.assign(problems, missingAnswers(questions, answers));
    const sent = answersToSend(questions, answers);
    const withAnswers = Object.keys(sent).length ? { answers: sent } : {};
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      return;
    }
    setBusy(true);
    setWarning('');
    try {
      let t: Ticket;
      if (existing) {
        t = await post<Ticket>(`/tickets/${existing}/calls`, { call_notes: notes, ...(mins !== undefined ? { call_minutes: mins } : {}), ...withAnswers });
        if (service && t.service_id !== service.id) {
          try {
            t = await patch<Ticket>(`/tickets/${t.number}`, { service_id: service.id }, { 'If-Match': `"${t.version}"` });
          } catch (err) {
            setWarning(`The call was added, but the service could not be set: ${errorText(err)} Set it on the ticket page.`);
          }
        }
      } else {
        t = await post<Ticket>('/tickets', {
          subject: subject.trim(),
          body: problem,
          call_notes: notes,
          ...(mins !== undefined ? { call_minutes: mins } : {}),
          priority,
          ...(category ? { category } : {}),
          channel: 'phone',
          requester_email: chosen ? chosen.email : email.trim(),
          requester_name: chosen ? chosen.name : name.trim(),
          ...(service ? { service_id: service.id } : {}),
          ...withAnswers,
        });
        const routing: Record<string, unknown> = {};
        if (assignee) routing.assignee_id = Number(assignee);
        if (team) routing.team_id = Number(team);
        if (Object.keys(routing).length) {
          try {
            t = await patch<Ticket>(`/tickets/${t.number}`, routing, { 'If-Match': `"${t.version}"` });
          } catch (err) {
            setWarning(`The ticket was created, but it could not be assigned: ${errorText(err)} Assign it on the ticket page.`);
          }
        }
      }
      setAddedTo(!!existing);
      setCreated(t);
      clear();
      setSubject('');
      setProblem('');
      setNotes('');
      setMinutes('');
      setPriority('normal');
      setAssignee(String(me.id));
      setTeam('');
      setCategory('');
      setAnswers({});
      setTarget('new');
      setService(null);
      setPickerKey((k) => k + 1);
      // The next call is another person: nobody stays selected.
      setSearch('');
      setFound(null);
      setCaller('new');
      setName('');
      setEmail('');
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const startOver = () => {
    setCreated(null);
    setSearch('');
    setCaller('new');
    setName('');
    setEmail('');
  };

  return (
    <section aria-labelledby="call-title" class="call">
      <h1 id="call-title">Log a phone call</h1>
      <div role="status" class={created ? 'call-result' : 'sr-only'} tabIndex={-1} ref={resultRef}>
        {created && (
          <>
            <p class="call-result-label">{addedTo ? 'Call added — the caller’s ticket is:' : 'Ticket created — read this number to the caller:'}</p>
            <p class="call-result-number">
              Ticket #<span data-testid="ticket-number">{created.number}</span> {addedTo ? 'updated' : 'created'}
            </p>
            <p>
              <Link href={`/console/tickets/${created.number}`}>Open ticket #{created.number}</Link> ·{' '}
              <button type="button" class="button-quiet" onClick={startOver}>
                Log another call
              </button>
            </p>
          </>
        )}
      </div>
      <form onSubmit={submit} class="stack" noValidate>
        <fieldset>
          <legend>Caller</legend>
          <Field label="Find the caller" hint="Type part of their name or email address.">
            {(p) => <input {...p} type="search" value={search} autoComplete="off" onInput={(e) => setSearch(e.currentTarget.value)} />}
          </Field>
          <div class="choices" role="radiogroup" aria-label="Who is calling">
            {(found ?? []).map((u) => (
              <label key={u.id} class="choice">
                <input type="radio" name="caller" value={String(u.id)} checked={caller === String(u.id)} onChange={() => setCaller(String(u.id))} />
                {u.name} <span class="muted">&lt;{u.email}&gt;</span>
              </label>
            ))}
            {found && found.length === 0 && <p class="muted">Nobody found; enter the new caller below.</p>}
            <label class="choice">
              <input type="radio" name="caller" value="new" checked={caller === 'new' || !chosen} onChange={() => setCaller('new')} />
              New caller
            </label>
          </div>
          {!chosen && (
            <div class="row">
              <Field label="Caller’s name" error={fields.requester_name}>
                {(p) => <input {...p} value={name} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />}
              </Field>
              <Field label="Caller’s email" error={fields.requester_email}>
                {(p) => <input {...p} type="email" value={email} autoComplete="off" onInput={(e) => setEmail(e.currentTarget.value)} />}
              </Field>
            </div>
          )}
        </fieldset>
        {theirOpen.length > 0 && (
          <fieldset>
            <legend>Is this about one of their open tickets?</legend>
            <div class="choices">
              <label class="choice">
                <input type="radio" name="call-target" value="new" checked={target === 'new'} onChange={() => setTarget('new')} />
                No, a new ticket
              </label>
              {theirOpen.map((t) => (
                <label key={t.number} class="choice">
                  <input type="radio" name="call-target" value={String(t.number)} checked={target === String(t.number)} onChange={() => setTarget(String(t.number))} />
                  Add the call to #{t.number} {t.subject} <StatusBadge status={t.status} />
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <fieldset>
          <legend>Service (optional)</legend>
          <ServicePicker
            key={pickerKey}
            label="Find the service"
            hint="Its name or a keyword, or paste the web address the caller is on."
            chosen={service}
            onChoose={setService}
            allowNone
          />
          {service && (
            <section aria-labelledby="call-service-title" class="service-choice">
              <h2 id="call-service-title">
                Who supports {service.name}
              </h2>
              <ServiceContacts contacts={service.contacts} staff nameOf={(id) => dir.staff.find((u) => u.id === id)?.name ?? `user #${id}`} empty="No contacts yet for this service." />
            </section>
          )}
        </fieldset>
        {!existing && (
          <>
            <Field label="Subject" error={fields.subject}>
              {(p) => <input {...p} value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />}
            </Field>
            <Field label="The caller’s problem (the customer sees this)" hint="In the caller’s words; it becomes the ticket’s first message in their portal." error={fields.body}>
              {(p) => <textarea {...p} rows={5} value={problem} onInput={(e) => setProblem(e.currentTarget.value)} />}
            </Field>
          </>
        )}
        <Field label="Your call notes (internal, only the support team sees these)" hint="What you checked or noticed; saved as an internal note." error={fields.call_notes}>
          {(p) => <textarea {...p} rows={4} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />}
        </Field>
        <Field label="Length of the call in minutes (optional)" error={fields.call_minutes}>
          {(p) => <input {...p} inputMode="numeric" class="input-short" value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />}
        </Field>
        {!existing && (
          <div class="row">
            <Field label="Priority" error={fields.priority}>
              {(p) => (
                <select {...p} value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
                  {PRIORITIES.map((x) => (
                    <option key={x} value={x}>
                      {priorityLabel(x)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Assign to">
              {(p) => (
                <select {...p} value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
                  <option value="">Unassigned</option>
                  {!dir.staff.some((u) => u.id === me.id) && <option value={String(me.id)}>{me.name} (you)</option>}
                  {dir.staff.map((u) => (
                    <option key={u.id} value={String(u.id)}>
                      {u.id === me.id ? `${u.name} (you)` : u.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Team">
              {(p) => (
                <select {...p} value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
                  <option value="">No team</option>
                  {dir.teams.map((t) => (
                    <option key={t.id} value={String(t.id)}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Category" error={fields.category}>
              {(p) =>
                dir.categories === null ? (
                  <input {...p} value={category} onInput={(e) => setCategory(e.currentTarget.value)} />
                ) : (
                  <select {...p} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                    <option value="">No category</option>
                    {dir.categories.map((c) => (
                      <option key={c.id} value={c.name}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                )
              }
            </Field>
          </div>
        )}
        <IntakeFields questions={questions} answers={answers} onChange={setAnswers} errors={fields} legend="The caller’s answers" />
        <ErrorMessage text={error || warning} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : existing ? `Add the call to #${existing}` : 'Create ticket'}
          </button>
        </div>
      </form>
    </section>
  );
}
