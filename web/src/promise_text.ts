// Promise report words, free of Preact so the web unit tests can run them in node.

/** The share of due promises kept in time, as a whole percentage ("—" when none was due). */
export function keptShare(r: { kept: number; kept_late: number; broken: number }): string {
  const due = r.kept + r.kept_late + r.broken;
  return due === 0 ? '—' : `${Math.round((100 * r.kept) / due)}%`;
}
