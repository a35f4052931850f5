// The chat's HTTP calls beside the socket: an anonymous visitor (the widget) proves the chat is
// theirs with `Authorization: Visitor TOKEN` and sends no cookies, so a help desk session in the
// same browser never mixes in; a signed-in person (the portal's customer, staff in the console)
// uses the session and its CSRF token like the rest of the app.
import { ApiError, request, toError } from '../api';
import type { ChatFile, MessageEntry } from './protocol';

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
  const res = await fetchDownload(auth, `/chats/${chatId}/transcript`);
  await saveAs(res, fileName(res.headers.get('Content-Disposition')) ?? `chat-ticket-${ticketNumber}.txt`);
}

/**
 * Fetches a file sent in the chat and hands it to the browser as a download under its name (the
 * entry's, which keeps non-ASCII letters the header's plain filename= replaces).
 */
export async function downloadChatFile(auth: ChatAuth, chatId: number, file: ChatFile) {
  const res = await fetchDownload(auth, chatFilePath(chatId, file));
  await saveAs(res, file.filename);
}

export const chatFilePath = (chatId: number, file: ChatFile) => `/chats/${chatId}/files/${file.id}`;

/**
 * Sends one file into the chat (multipart: "file" and the client_id that makes a retry safe);
 * answers the chat's new message entry (or the first one, when client_id was seen already).
 */
export async function uploadChatFile(auth: ChatAuth, chatId: number, file: File, clientId: string): Promise<MessageEntry> {
  const form = new FormData();
  form.set('client_id', clientId);
  form.set('file', file, file.name);
  const path = `/chats/${chatId}/files`;
  if (auth.kind === 'session') return (await request<MessageEntry>('POST', path, form)).data;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (auth.token) headers.Authorization = `Visitor ${auth.token}`;
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, { method: 'POST', headers, body: form, credentials: 'omit' });
  } catch {
    throw new ApiError(0, 'The help desk cannot be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await toError(res);
  return (await res.json()) as MessageEntry;
}

async function fetchDownload(auth: ChatAuth, path: string): Promise<Response> {
  if (auth.kind === 'visitor') return visitorFetch(auth.token, 'GET', path);
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'The help desk cannot be reached. Check your connection and try again.');
  }
  if (!res.ok) throw await toError(res);
  return res;
}

// A link to the fetched bytes, clicked: the browser saves them (a visitor's download needs the
// Authorization header, which a plain link cannot send).
async function saveAs(res: Response, name: string) {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
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
