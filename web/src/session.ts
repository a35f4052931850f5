// Who is signed in: loaded once from GET /me (which also hands back the CSRF token for a cookie
// session), set by sign-in, cleared by sign-out. Starts and stops the live stream: staff get every
// event, a customer the public events of the tickets they may see (the server filters).
import { useEffect, useState } from 'preact/hooks';
import { del, get, type Me, post, setCsrfToken } from './api';
import { live } from './live';

type State = { loaded: false } | { loaded: true; me: Me | null };

let state: State = { loaded: false };
const listeners = new Set<(s: State) => void>();

function set(s: State) {
  state = s;
  if (s.loaded) {
    setCsrfToken(s.me?.csrf_token);
    if (s.me) live.start();
    else live.stop();
  }
  listeners.forEach((l) => l(s));
}

export function useSession(): State {
  const [s, setS] = useState(state);
  useEffect(() => {
    listeners.add(setS);
    setS(state);
    return () => listeners.delete(setS);
  }, []);
  return s;
}

export async function loadSession(): Promise<void> {
  try {
    set({ loaded: true, me: await get<Me>('/me') });
  } catch {
    // 401: not signed in. Anything else (server unreachable) also leads to the sign-in form,
    // which reports the problem when the person tries.
    set({ loaded: true, me: null });
  }
}

export async function signIn(email: string, password: string): Promise<Me> {
  const me = await post<Me>('/session', { email, password });
  set({ loaded: true, me });
  return me;
}

/** Accepts an invitation: sets the password and signs in (POST /invitations/accept). */
export async function acceptInvitation(token: string, password: string): Promise<Me> {
  const me = await post<Me>('/invitations/accept', { token, password });
  set({ loaded: true, me });
  return me;
}

export async function signOut(): Promise<void> {
  try {
    await del('/session');
  } finally {
    set({ loaded: true, me: null });
  }
}

/** Where a person lands after signing in. */
export function homeFor(me: Me): string {
  return me.role === 'customer' ? '/portal' : '/console';
}

/** Called when any request answers 401 (the session expired): back to the sign-in form. */
export function sessionExpired() {
  set({ loaded: true, me: null });
}
