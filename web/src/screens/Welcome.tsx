// The invitation page (/welcome?token=…), public: checks the link, greets the person by name,
// asks for a password twice and accepts, which signs them in; staff then land in the console,
// customers in the portal. A link that was used, replaced, mistyped or has expired gets a plain
// sentence saying what to do instead of the server's words.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api';
import { Field, Time, useTitle } from '../components/common';
import { navigate, useLocation } from '../router';
import { acceptInvitation, homeFor } from '../session';

interface Invited {
  email: string;
  name: string;
  expires_at: string;
}

const ASK = 'Ask the administrator who invited you for a new link.';

/** The sentence for a link that cannot be used, by the server's status. */
function deadLink(e: unknown): string {
  if (e instanceof ApiError && e.status === 410) return `This invitation link has expired. ${ASK}`;
  if (e instanceof ApiError && e.status === 404) {
    return `This invitation link does not work: it was used already, replaced by a newer one, or is incomplete. ${ASK} If you have set your password already, sign in.`;
  }
  if (e instanceof ApiError && e.status === 0) return 'The server cannot be reached. Check your connection and try again.';
  return 'The invitation could not be checked just now. Try again in a few minutes.';
}

export function Welcome() {
  const loc = useLocation();
  const token = loc.query.get('token') ?? '';
  const [invited, setInvited] = useState<Invited | null>(null);
  const [dead, setDead] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [fields, setFields] = useState<{ password?: string; again?: string }>({});
  const [busy, setBusy] = useState(false);
  useTitle(invited ? `Welcome, ${invited.name}` : 'Welcome');

  useEffect(() => {
    setInvited(null);
    setDead('');
    if (!token) {
      setDead(`This page needs the whole link from your invitation. ${ASK}`);
      return;
    }
    get<Invited>(`/invitations/${encodeURIComponent(token)}`).then(setInvited, (e) => setDead(deadLink(e)));
  }, [token]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length === 0) return setFields({ password: 'Choose a password.' });
    if (password !== again) return setFields({ again: 'The two passwords differ. Type the same password twice.' });
    setBusy(true);
    try {
      const me = await acceptInvitation(token, password);
      navigate(homeFor(me), { replace: true });
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.fields.password) setFields({ password: err.fields.password });
      else if (err instanceof ApiError && (err.status === 400 || err.status === 422)) setFields({ password: err.detail });
      else setDead(deadLink(err));
    }
  };

  return (
    <div class="login-page">
      <header class="login-header">
        <p class="brand">Frontline</p>
      </header>
      <main id="main" class="login-main">
        {dead ? (
          <>
            <h1>This link cannot be used</h1>
            <p role="alert">{dead}</p>
            <p>
              <a href="/login">Go to sign in</a>
            </p>
          </>
        ) : !invited ? (
          <>
            <h1>Welcome</h1>
            <p>Checking your invitation…</p>
          </>
        ) : (
          <>
            <h1>Welcome, {invited.name} — set your password</h1>
            <p>
              You sign in as <strong>{invited.email}</strong>. This link works until <Time iso={invited.expires_at} absolute />.
            </p>
            <form onSubmit={submit} class="stack" noValidate>
              {/* For password managers: the account the new password belongs to. */}
              <input type="email" name="email" autoComplete="username" value={invited.email} readOnly hidden />
              <Field label="Password" error={fields.password} hint="At least 8 characters.">
                {(p) => (
                  <input
                    {...p}
                    type="password"
                    autoComplete="new-password"
                    value={password}
                    onInput={(e) => {
                      setPassword(e.currentTarget.value);
                      setFields({});
                    }}
                  />
                )}
              </Field>
              <Field label="Password again" error={fields.again}>
                {(p) => (
                  <input
                    {...p}
                    type="password"
                    autoComplete="new-password"
                    value={again}
                    onInput={(e) => {
                      setAgain(e.currentTarget.value);
                      setFields({});
                    }}
                  />
                )}
              </Field>
              <button type="submit" class="button button-wide" disabled={busy}>
                {busy ? 'Saving…' : 'Set password and sign in'}
              </button>
            </form>
          </>
        )}
      </main>
    </div>
  );
}
