// Sign-in for everyone (customers, technicians, admins): email and password. The app then
// routes by role (see main.tsx).
import { useState } from 'preact/hooks';
import { ApiError, errorText } from '../api';
import { Field, useTitle } from '../components/common';
import { signIn } from '../session';

export function Login() {
  useTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email address and password.');
      return;
    }
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'That email address and password do not match an account.'
          : errorText(err),
      );
      setBusy(false);
    }
  };

  return (
    <div class="login-page">
      <header class="login-header">
        <p class="brand">Frontline</p>
      </header>
      <main id="main" class="login-main">
        <h1>Sign in</h1>
        <form onSubmit={submit} class="stack" noValidate>
          <Field label="Email">
            {(p) => (
              <input {...p} type="email" name="email" autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            )}
          </Field>
          <Field label="Password">
            {(p) => (
              <input
                {...p}
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <div role="alert" class={error ? 'alert alert-error' : 'sr-only'}>
            {error}
          </div>
          <button type="submit" class="button button-wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
