// The sizes the server accepts (GET /me → limits), fetched once, so a file that is too large is
// refused in the browser at once instead of after minutes of uploading. An anonymous chat
// visitor cannot read /me: the widget checks against the default and the server has the last word.
import { formatBytes } from './bytes';
import { get } from './api';

export interface Limits {
  max_attachment_bytes: number;
  max_message_bytes: number;
}

/** The server's limits unless its configuration changed them. */
export const DEFAULT_LIMITS: Limits = { max_attachment_bytes: 25 * 1024 * 1024, max_message_bytes: 512 * 1024 };
let cached: Promise<Limits> | null = null;

export function serverLimits(): Promise<Limits> {
  cached ??= get<{ limits?: Limits }>('/me').then(
    (m) => m.limits ?? DEFAULT_LIMITS,
    () => {
      cached = null; // try again next time
      return DEFAULT_LIMITS;
    },
  );
  return cached;
}

/** A sentence about the first file over `max` bytes, or '' when all fit. Pure. */
export function oversizedText(files: readonly { name: string; size: number }[], max: number): string {
  const big = files.find((f) => f.size > max);
  if (!big) return '';
  return `“${big.name}” is ${formatBytes(big.size)}; files can be at most ${formatBytes(max)}. Choose a smaller file, or share a link to it instead.`;
}

/** A sentence about the first file over the server's limit, or '' when all fit. */
export async function oversizedFiles(files: File[]): Promise<string> {
  return oversizedText(files, (await serverLimits()).max_attachment_bytes);
}
