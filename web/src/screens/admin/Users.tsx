// Admin: users — invite by email (the person sets their own password from a link that is mailed
// and shown here to copy) or, second choice, create with a first password; send a new link to
// someone who has not accepted yet; change role and organisation, disable (after saying what that
// does) or enable, reset the password.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  errorText,
  get,
  type Invitation,
  type List,
  type Me,
  OPEN_STATUSES,
  type Organization,
  patch,
  post,
  qs,
  type Role,
  type User,
} from '../../api';
import { Dialog, ErrorMessage, Field, Notice, Time, useData, useFormErrors, useTitle } from '../../components/common';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { invalidate, organizations } from '../../directory';

const ROLES: Role[] = ['customer', 'agent', 'admin'];
const roleLabel = (r: string) => ({ customer: 'Customer', agent: 'Agent', admin: 'Admin' })[r] ?? r;

export function AdminUsers({ me }: { me: Me }) {
  useTitle('Users');
  const users = useData(() => get<List<User>>('/users').then((l) => l.items), []);
  const orgs = useData(() => organizations(), []);
  const [editing, setEditing] = useState<User | null>(null);
  const [notice, setNotice] = useState('');
  const [sent, setSent] = useState<{ user: User; invitation: Invitation } | null>(null);
  const [rowError, setRowError] = useState('');
  const orgName = (id: number | null) => (id ? (orgs.data?.find((o) => o.id === id)?.name ?? `#${id}`) : '—');
  const started = () => {
    // The last success is old news once something new is tried.
    setNotice('');
    setSent(null);
    setRowError('');
  };
  const resend = async (u: User) => {
    started();
    try {
      const r = await post<{ invitation: Invitation }>(`/users/${u.id}/invite`);
      setSent({ user: u, invitation: r.invitation });
    } catch (err) {
      setRowError(`No new link for ${u.name}: ${errorText(err)}`);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      {/* The organisation names both forms suggest. */}
      <datalist id="org-names">
        {(orgs.data ?? []).map((o) => (
          <option key={o.id} value={o.name} />
        ))}
      </datalist>
      <InviteForm
        onSubmit={started}
        onInvited={(user, invitation) => {
          setSent({ user, invitation });
          invalidate('staff', 'organizations');
          void users.reload();
          void orgs.reload();
        }}
      />
      <div role="status">{sent && <InvitationLink key={sent.invitation.link} user={sent.user} invitation={sent.invitation} />}</div>
      <details class="panel secondary-create">
        <summary>Or create the account with a password you give them</summary>
        <CreateWithPassword
          onSubmit={started}
          onCreated={(u) => {
            setNotice(`Created ${u.name} (${u.email}). They can sign in now.`);
            invalidate('staff', 'organizations');
            void users.reload();
            void orgs.reload();
          }}
        />
      </details>
      <Notice text={notice} />
      <ErrorMessage text={rowError} />
      <h2>All users</h2>
      <ErrorMessage text={users.error} />
      {users.data && (
        <div class="table-wrap">
          <table class="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Organisation</th>
                <th scope="col">Account</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id}>
                  <td class="card-title">{u.name}</td>
                  <td data-label="Email">{u.email}</td>
                  <td data-label="Role">{roleLabel(u.role)}</td>
                  <td data-label="Organisation">{orgName(u.organization_id)}</td>
                  <td data-label="Account">
                    {u.disabled ? (
                      <span class="badge status-closed">Disabled</span>
                    ) : u.invited ? (
                      <span class="badge status-pending">Invited</span>
                    ) : (
                      'Active'
                    )}
                  </td>
                  <td class="row-actions">
                    <button type="button" class="button-secondary button-small" onClick={() => setEditing(u)} aria-label={`Edit ${u.name}`}>
                      Edit
                    </button>
                    {u.invited && !u.disabled && (
                      <button
                        type="button"
                        class="button-quiet button-small"
                        aria-label={`Send a new link to ${u.name}`}
                        onClick={() => void resend(u)}
                      >
                        Send a new link
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Dialog open={!!editing} title={editing ? `Edit ${editing.name}` : 'Edit user'} onClose={() => setEditing(null)}>
        {editing && (
          <EditUser
            user={editing}
            self={editing.id === me.id}
            orgs={orgs.data ?? []}
            onStart={() => setNotice('')}
            onSaved={(u) => {
              // The dialog says what was saved, where the person is looking.
              setEditing(u);
              invalidate('staff');
              void users.reload();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

// The link is in the answer whether or not a mail went out (the server does not say), so the
// admin can always hand it over another way.
function InvitationLink({ user, invitation }: { user: User; invitation: Invitation }) {
  const [copied, setCopied] = useState('');
  const first = user.name.split(/\s+/)[0] || user.name;
  const input = useRef<HTMLInputElement>(null);
  // Focus goes to the link (selected, ready to copy): "Send a new link" is far down the table.
  useEffect(() => input.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopied('Copied.');
    } catch {
      // No clipboard permission (e.g. plain http): select it so Ctrl+C copies it.
      input.current?.select();
      setCopied('Press Ctrl+C to copy the selected link.');
    }
  };
  return (
    <div class="alert alert-ok invitation">
      <p>
        Invited {user.name} ({user.email}). If outgoing mail is set up, {first} gets this link by email. You can also copy it:
      </p>
      <div class="copy-row">
        <label for="invitation-link" class="sr-only">
          Invitation link for {user.name}
        </label>
        <input id="invitation-link" ref={input} readOnly value={invitation.link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="button-secondary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p class="hint">
        The link works once, until <Time iso={invitation.expires_at} absolute />. {copied}
      </p>
    </div>
  );
}

interface PersonValues {
  name: string;
  email: string;
  role: string;
  organization: string;
}

/** Who a new account is for: the fields the invitation and the create-with-password forms share. */
function PersonFields({
  v,
  set,
  fields,
}: {
  v: PersonValues;
  set: (k: keyof PersonValues) => (e: Event) => void;
  fields: Record<string, string>;
}) {
  return (
    <>
      <div class="row">
        <Field label="Name" error={fields.name}>
          {(p) => <input {...p} value={v.name} onInput={set('name')} autoComplete="off" />}
        </Field>
        <Field label="Email" error={fields.email}>
          {(p) => <input {...p} type="email" value={v.email} onInput={set('email')} autoComplete="off" />}
        </Field>
      </div>
      <div class="row">
        <Field label="Role" error={fields.role}>
          {(p) => (
            <select {...p} value={v.role} onChange={set('role')}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Organisation" error={fields.organization} hint="Optional. A new name creates the organisation.">
          {(p) => <input {...p} list="org-names" value={v.organization} onInput={set('organization')} autoComplete="off" />}
        </Field>
      </div>
    </>
  );
}

/**
 * A form about a new person: its values, a setter per field that also drops the field's error,
 * and send(), which posts the person (with `extra` fields), then empties the form — or shows
 * the server's errors. The invitation and the create-with-password forms differ only in what
 * they send and where.
 */
function usePersonForm<V extends PersonValues>(blank: V, onSubmit: () => void) {
  const [v, setV] = useState(blank);
  const { error, fields, clear, fail, edited } = useFormErrors();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof V & string) => (e: Event) => {
    setV({ ...v, [k]: (e.currentTarget as HTMLInputElement).value });
    edited(k);
  };
  const send = async <T,>(e: Event, path: string, extra: Record<string, unknown>, done: (r: T) => void) => {
    e.preventDefault();
    onSubmit(); // the last success is old news once something new is tried
    setBusy(true);
    try {
      const body: Record<string, unknown> = { name: v.name.trim(), email: v.email.trim(), role: v.role, ...extra };
      // By name, as the server takes it (it answers 400 "unknown field" to organization_id).
      if (v.organization.trim()) body.organization = v.organization.trim();
      const r = await post<T>(path, body);
      setV(blank);
      clear();
      done(r);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return { v, set, send, error, fields, busy };
}

function InviteForm({ onSubmit, onInvited }: { onSubmit: () => void; onInvited: (u: User, i: Invitation) => void }) {
  const { v, set, send, error, fields, busy } = usePersonForm(
    { name: '', email: '', role: 'customer', organization: '' },
    onSubmit,
  );
  const submit = (e: Event) =>
    send<User & { invitation: Invitation }>(e, '/users/invite', {}, ({ invitation, ...user }) =>
      onInvited(user, invitation),
    );

  return (
    <form onSubmit={submit} class="panel stack" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a user</h2>
      <p class="hint">They get a link to set their own password; you can copy the link too.</p>
      <PersonFields v={v} set={set} fields={fields} />
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </div>
    </form>
  );
}

function CreateWithPassword({ onSubmit, onCreated }: { onSubmit: () => void; onCreated: (u: User) => void }) {
  const { v, set, send, error, fields, busy } = usePersonForm(
    { name: '', email: '', role: 'customer', organization: '', password: '' },
    onSubmit,
  );
  const submit = (e: Event) => send<User>(e, '/users', v.password ? { password: v.password } : {}, onCreated);

  return (
    <form onSubmit={submit} class="stack" aria-label="Create a user with a password">
      <PersonFields v={v} set={set} fields={fields} />
      <div class="row">
        <Field label="Initial password" error={fields.password} hint="At least 8 characters. Give it to the person privately.">
          {(p) => <input {...p} type="password" value={v.password} onInput={set('password')} autoComplete="new-password" />}
        </Field>
      </div>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}

interface EditUserProps {
  user: User;
  self: boolean;
  orgs: Organization[];
  onStart: () => void;
  onSaved: (u: User) => void;
}

function EditUser({ user, self, orgs, onStart, onSaved }: EditUserProps) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<string>(user.role);
  const [org, setOrg] = useState(user.organization_id ? String(user.organization_id) : '');
  const [ranked, setRanked] = useState(user.ranked);
  const [password, setPassword] = useState('');
  const { error, fields, clear, fail, edited } = useFormErrors();
  const [done, setDone] = useState('');
  const [confirmingDisable, setConfirmingDisable] = useState(false);

  const run = async (body: Record<string, unknown>, text: string) => {
    onStart();
    setDone('');
    try {
      const u = await patch<User>(`/users/${user.id}`, body);
      clear();
      setDone(text);
      onSaved(u);
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  };

  return (
    <div class="stack">
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const body: Record<string, unknown> = {};
          if (name.trim() !== user.name) body.name = name.trim();
          if (role !== user.role) body.role = role;
          const orgId = org ? Number(org) : null;
          if (orgId !== user.organization_id) body.organization_id = orgId;
          if (role !== 'customer' && ranked !== user.ranked) body.ranked = ranked;
          if (Object.keys(body).length) void run(body, `Saved ${name.trim()}.`);
        }}
      >
        <Field label="Name" error={fields.name}>
          {(p) => (
            <input
              {...p}
              value={name}
              onInput={(e) => {
                setName(e.currentTarget.value);
                edited('name');
              }}
            />
          )}
        </Field>
        <Field label="Role" error={fields.role}>
          {(p) => (
            <select {...p} value={role} onChange={(e) => setRole(e.currentTarget.value)} disabled={self}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Organisation" error={fields.organization_id}>
          {(p) => (
            <select {...p} value={org} onChange={(e) => setOrg(e.currentTarget.value)}>
              <option value="">No organisation</option>
              {orgs.map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {role !== 'customer' && (
          <label class="check">
            <input type="checkbox" checked={ranked} onChange={(e) => setRanked(e.currentTarget.checked)} />
            On the company leaderboard
          </label>
        )}
        <div class="actions">
          <button type="submit" class="button">
            Save
          </button>
        </div>
      </form>
      {!self && (
        <div class="actions">
          <button
            type="button"
            class={user.disabled ? 'button-secondary' : 'button button-danger'}
            onClick={() => (user.disabled ? void run({ disabled: false }, `Enabled ${user.name}.`) : setConfirmingDisable(true))}
          >
            {user.disabled ? 'Enable account' : 'Disable account'}
          </button>
        </div>
      )}
      <ConfirmDisable
        user={user}
        open={confirmingDisable}
        onCancel={() => setConfirmingDisable(false)}
        onConfirm={() => {
          setConfirmingDisable(false);
          void run({ disabled: true }, `Disabled ${user.name}; they can no longer sign in.`);
        }}
      />
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await run({ password }, `Set a new password for ${user.name}.`)) setPassword('');
        }}
      >
        <Field label="New password" error={fields.password} hint="At least 8 characters. Signs the user out everywhere.">
          {(p) => (
            <input
              {...p}
              type="password"
              value={password}
              autoComplete="new-password"
              onInput={(e) => {
                setPassword(e.currentTarget.value);
                edited('password');
              }}
            />
          )}
        </Field>
        <div class="actions">
          <button type="submit" class="button-secondary">
            Reset password
          </button>
        </div>
      </form>
      <ErrorMessage text={error} />
      <Notice text={done} />
    </div>
  );
}

// Disabling ends every session and token of the person at once (the server does that), but
// their tickets stay assigned to them: the question says how many, so nobody's work is lost.
function ConfirmDisable({ user, open, onCancel, onConfirm }: { user: User; open: boolean; onCancel: () => void; onConfirm: () => void }) {
  const staff = user.role !== 'customer';
  const count = useData(
    () =>
      open && staff
        ? get<{ count: number; capped?: boolean }>(`/tickets/count${qs({ assignee: user.id, status: OPEN_STATUSES.join(',') })}`)
        : Promise.resolve(null),
    [open, user.id, staff],
  );
  const n = count.data?.count ?? 0;
  const many = `${n.toLocaleString('en')}${count.data?.capped ? '+' : ''}`;
  return (
    <ConfirmDialog
      open={open}
      title={`Disable ${user.name}?`}
      confirmLabel="Disable account"
      onConfirm={onConfirm}
      onCancel={onCancel}
      busy={staff && count.loading}
    >
      <p>
        {user.name} is signed out everywhere at once (every session and API token ends) and can no longer sign in. You can enable
        the account again later.
      </p>
      {staff && (
        <p>
          {count.loading
            ? 'Counting their open tickets…'
            : count.error
              ? `Their open tickets could not be counted (${count.error}); any they have stay assigned to them.`
              : n === 0
                ? 'They have no open tickets assigned to them.'
                : `Their ${many} open ${n === 1 && !count.data?.capped ? 'ticket stays' : 'tickets stay'} assigned to them: reassign ${n === 1 ? 'it' : 'them'} from the queues so customers are not left waiting.`}
        </p>
      )}
    </ConfirmDialog>
  );
}
