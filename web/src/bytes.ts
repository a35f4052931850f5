// Sizes in the words people read. Pure.

/** "900 bytes", "512 KB", "25 MB", "31.2 MB": one decimal, dropped when it is .0. */
export function formatBytes(n: number): string {
  const one = (x: number) => String(Math.round(x * 10) / 10);
  if (n < 1024) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  if (n < 1024 * 1024) return `${one(n / 1024)} KB`;
  return `${one(n / 1024 / 1024)} MB`;
}
