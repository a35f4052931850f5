// Sending a file into a chat survives a flaky network: the upload is tried again (after 1, 3
// and 8 s) when the network failed or the server was briefly unavailable, always with the same
// client_id, which the server answers with the first entry instead of storing the file twice.
// A refusal (too large, the chat ended, not allowed) is final, and said in plain words. Pure: the
// upload and the waiting come in as functions, so the unit tests run it without a browser or a
// server.
import { errorText } from '../api';
import { formatBytes } from '../bytes';

export const RETRY_DELAYS_MS = [1_000, 3_000, 8_000];

// No answer at all (status 0, as ApiError reports a network failure), a timeout, too many
// requests, and a gateway or server that is briefly unavailable.
const TRANSIENT = new Set([0, 408, 429, 502, 503, 504]);

/** True when the same request may well work a moment later (judged by the error's HTTP status). */
export function worthRetrying(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && TRANSIENT.has(status);
}

/**
 * Runs `send` until it succeeds or fails for good: after each failure worth retrying it waits the
 * next of `delaysMs` and tries again; the last failure is thrown.
 */
export async function sendWithRetries<T>(
  send: () => Promise<T>,
  sleep: (ms: number) => Promise<void>,
  delaysMs: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= delaysMs.length || !worthRetrying(e)) throw e;
      await sleep(delaysMs[attempt]);
    }
  }
}

/**
 * Why a file was not sent, in plain words: the server's own sentence, or for its transport-level
 * "request body is larger than N bytes" (a file far over the limit) one that names the file.
 */
export function refusalText(e: unknown, file: { name: string; size: number }): string {
  const status = (e as { status?: unknown } | null)?.status;
  const detail = errorText(e);
  if (status === 413) {
    if (detail.startsWith('The file')) return detail;
    return `“${file.name}” (${formatBytes(file.size)}) is larger than the help desk accepts. Choose a smaller file, or share a link to it instead.`;
  }
  return `“${file.name}” was not sent. ${detail}`;
}
