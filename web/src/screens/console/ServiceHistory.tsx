// A service's revision history (staff): every saved state, newest first, with who saved it, when,
// what it changed from the one before, and its contents; an older state can be restored, which
// saves it again as a new revision (nothing is lost).
import { useState } from 'preact/hooks';
import { get, type List, post, type Team } from '../../api';
import { ErrorMessage, Notice, Time, useData, useTitle } from '../../components/common';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CallTree } from '../../components/ServiceContacts';
import { teams } from '../../directory';
import { Link } from '../../router';
import type { Service, ServiceRevision } from '../../services';
import { changedParts } from '../../service_form';
import { contactKindLabel } from '../../service_text';

export function ServiceHistory({ id }: { id: number }) {
  const service = useData(() => get<Service>(`/services/${id}`), [id]);
  const revisions = useData(() => get<List<ServiceRevision>>(`/services/${id}/revisions`).then((l) => l.items), [id]);
  const teamList = useData(() => teams(), []);
  const [restoring, setRestoring] = useState<{ rev: ServiceRevision; number: number } | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const name = service.data?.name ?? 'service';
  useTitle(`History of ${name}`);

  const restore = async () => {
    if (!restoring) return;
    const { rev, number } = restoring;
    setRestoring(null);
    try {
      const s = await post<Service>(`/services/${id}/revisions/${rev.id}/restore`);
      service.setData(s);
      setNotice(`Restored revision ${number}; it is saved as a new revision.`);
      setError('');
      void revisions.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const items = revisions.data ?? [];
  const numberOf = (revId: number | null) => items.findIndex((r) => r.id === revId) + 1;
  return (
    <section aria-labelledby="history-title" class="service-history">
      <p class="back">
        <Link href={`/console/services/${id}`}>← Back to {name}</Link>
      </p>
      <h1 id="history-title">History of {name}</h1>
      <ErrorMessage text={error || revisions.error || service.error} />
      <Notice text={notice} />
      {revisions.data === undefined && !revisions.error && <p>Loading…</p>}
      <ol class="revision-list" reversed aria-label="Revisions, newest first">
        {items
          .map((rev, i) => ({ rev, number: i + 1, before: i > 0 ? items[i - 1].snapshot : null }))
          .reverse()
          .map(({ rev, number, before }) => {
            const latest = number === items.length;
            const parts = number === 1 ? [] : changedParts(before, rev.snapshot).map((p) => (p === 'team' ? teamChange(before, rev.snapshot, teamList.data ?? []) : p));
            return (
              <li key={rev.id} class="panel revision">
                <h2 class="revision-title">
                  Revision {number}
                  {latest && <span class="badge status-open">Current</span>}
                </h2>
                <p>
                  {number === 1 ? 'Created' : rev.restored_from ? `Restored revision ${numberOf(rev.restored_from) || '?'}` : 'Changed'} by {rev.author?.name ?? 'someone no longer here'},{' '}
                  <Time iso={rev.created_at} />
                  {parts.length > 0 && <span class="muted"> · changed: {parts.join(', ')}</span>}
                  {number > 1 && parts.length === 0 && <span class="muted"> · no visible change</span>}
                </p>
                {rev.snapshot && <Snapshot snapshot={rev.snapshot} label={`Revision ${number}`} teamList={teamList.data ?? []} />}
                {!latest && rev.snapshot && (
                  <button type="button" class="button-secondary button-small" onClick={() => setRestoring({ rev, number })}>
                    Restore revision {number}
                  </button>
                )}
              </li>
            );
          })}
      </ol>
      <ConfirmDialog
        open={!!restoring}
        title={restoring ? `Restore revision ${restoring.number}?` : 'Restore'}
        confirmLabel={restoring ? `Restore revision ${restoring.number}` : 'Restore'}
        onConfirm={() => void restore()}
        onCancel={() => setRestoring(null)}
      >
        <p>The service goes back to this revision’s name, addresses, keywords, team and contacts. The current state stays in the history, so this can be undone.</p>
      </ConfirmDialog>
    </section>
  );
}

type Snap = ServiceRevision['snapshot'];

/** A team by name; one deleted since reads as such (the revision keeps only its id). */
export function teamLabel(id: number | null | undefined, teamList: Team[]): string {
  if (!id) return 'no team';
  return teamList.find((t) => t.id === id)?.name ?? 'a team deleted since';
}

/** "team (Tier 1 → Databases)". */
function teamChange(before: Snap, after: Snap, teamList: Team[]): string {
  return `team (${teamLabel(before?.team_id, teamList)} → ${teamLabel(after?.team_id, teamList)})`;
}

function Snapshot({ snapshot, label, teamList }: { snapshot: NonNullable<ServiceRevision['snapshot']>; label: string; teamList: Team[] }) {
  return (
    <details>
      <summary>What {label.toLowerCase()} holds</summary>
      <dl class="service-facts">
        <div>
          <dt>Name</dt>
          <dd>{snapshot.name}</dd>
        </div>
        <div>
          <dt>Description</dt>
          <dd>{snapshot.description || '—'}</dd>
        </div>
        <div>
          <dt>Web addresses</dt>
          <dd>{snapshot.urls.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Keywords</dt>
          <dd>{snapshot.keywords.join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Owning team</dt>
          <dd>{teamLabel(snapshot.team_id, teamList)}</dd>
        </div>
        <div>
          <dt>Customers see it</dt>
          <dd>{snapshot.public ? 'Yes' : 'No'}</dd>
        </div>
      </dl>
      <h3>Contacts</h3>
      {snapshot.contacts.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain-list">
          {snapshot.contacts.map((c, i) => (
            <li key={c.id ?? i}>
              {contactKindLabel(c.kind ?? 'phone')} {c.value}
              {c.primary ? ' (primary)' : ''}
              <CallTree steps={c.call_tree ?? []} label={`${label}: call tree for ${c.value}`} />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
