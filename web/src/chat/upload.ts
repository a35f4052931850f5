// Sending a file into a chat survives a flaky network: the upload is tried again (after 1, 3
// and 8 s) when the network failed or the server was briefly unavailable, always with the same
// client_id, which the server answers with the first entry instead of storing the file twice.
// A refusal (too large, the chat ended, not allowed) is final. Pure: the upload and the waiting
// come in as functions, so the unit tests run it without a browser or a server.
import { ApiError } from '../api';

export const RETRY_DELAYS_MS = [1_000, 3_000, 8_000];

/** True when the same request may well work a moment later. */
export function worthRetrying(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  return e.status === 0 || e.status === 408 || e.status === 429 || e.status === 502 || e.status === 503 || e.status === 504;
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
