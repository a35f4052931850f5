// The chat's HTTP calls for whoever is on the customer side: an anonymous visitor (the widget)
// proves the chat is theirs with `Authorization: Visitor TOKEN` and sends no cookies, so a
// help desk session in the same browser never mixes in; a signed-in customer (the portal) uses
// the session and its CSRF token like the rest of the app.
import { ApiError, request, toError } from '../api';

/** A visitor (token once the chat exists) or the signed-in session. */
export type ChatAuth = { kind: 'visitor'; token?: string } | { kind: 'session' };

async function visitorFetch(token: string | undefined, method: string, path: string, body?: object): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Visitor ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'The help desk cannot be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await toError(res);
  return res;
}

/** One JSON call as the chat's customer. */
export async function chatCall<T>(auth: ChatAuth, method: string, path: string, body?: object): Promise<T> {
  if (auth.kind === 'visitor') {
    const res = await visitorFetch(auth.token, method, path, body);
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return (await request<T>(method, path, body)).data;
}

/** Fetches the transcript (text/plain) and hands it to the browser as a file download. */
export async function downloadTranscript(auth: ChatAuth, chatId: number, ticketNumber: number) {
  let res: Response;
  if (auth.kind === 'visitor') {
    res = await visitorFetch(auth.token, 'GET', `/chats/${chatId}/transcript`);
  } else {
    try {
      res = await fetch(`/api/v1/chats/${chatId}/transcript`, { credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'The help desk cannot be reached. Check your connection and try again.');
    }
    if (!res.ok) throw await toError(res);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName(res.headers.get('Content-Disposition')) ?? `chat-ticket-${ticketNumber}.txt`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the address stops working.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileName(disposition: string | null): string | null {
  const m = disposition && /filename="?([^";]+)"?/i.exec(disposition);
  return m ? m[1] : null;
}
