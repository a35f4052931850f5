// Sending a file into a chat survives a flaky network: the upload is tried again (after 1, 3
// and 8 s) when the network failed or the server was briefly unavailable, always with the same
// client_id, which the server answers with the first entry instead of storing the file twice.
// A refusal (too large, the chat ended, not allowed) is final. Pure: the upload and the waiting
// come in as functions, so the unit tests run it without a browser or a server.

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
