// The sizes the server accepts (GET /me → limits), fetched once, so a file that is too large is
// refused in the browser at once instead of after minutes of uploading.
import { formatBytes } from './components/common';
import { get } from './api';

export interface Limits {
  max_attachment_bytes: number;
  max_message_bytes: number;
}

const DEFAULTS: Limits = { max_attachment_bytes: 25 * 1024 * 1024, max_message_bytes: 512 * 1024 };
let cached: Promise<Limits> | null = null;

export function serverLimits(): Promise<Limits> {
  cached ??= get<{ limits?: Limits }>('/me').then(
    (m) => m.limits ?? DEFAULTS,
    () => {
      cached = null; // try again next time
      return DEFAULTS;
    },
  );
  return cached;
}

/** A sentence about the first file over the limit, or '' when all fit. */
export async function oversizedFiles(files: File[]): Promise<string> {
  const { max_attachment_bytes: max } = await serverLimits();
  const big = files.find((f) => f.size > max);
  if (!big) return '';
  return `“${big.name}” is ${formatBytes(big.size)}; files can be at most ${formatBytes(max)}. Choose a smaller file, or share a link to it instead.`;
}
