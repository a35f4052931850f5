// Admin: API tokens — list (names, created and last used), create (the secret is shown once), revoke.
import { useState } from 'preact/hooks';
import { type ApiToken, del, errorText, get, type List, type Me, post, type User } from '../../api';
import { ErrorMessage, Field, Notice, Time, useData, useFormErrors, useTitle } from '../../components/common';

export function AdminTokens({ me }: { me: Me }) {
  useTitle('API tokens');
  const tokens = useData(() => get<List<ApiToken>>('/tokens').then((l) => l.items), []);
  const users = useData(() => get<List<User>>('/users').then((l) => l.items), []);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [secret, setSecret] = useState('');
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  const ownerName = (id: number) => users.data?.find((u) => u.id === id)?.name ?? `User #${id}`;

  return (
    <section aria-labelledby="tokens-title">
      <h1 id="tokens-title">API tokens</h1>
      <form
        class="panel stack"
        aria-label="New API token"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const body: Record<string, string> = { name: name.trim() };
            if (owner.trim()) body.email = owner.trim();
            const r = await post<{ token: string }>('/tokens', body);
            setSecret(r.token);
            setName('');
            setOwner('');
            clear();
            void tokens.reload();
          } catch (err) {
            fail(err);
          }
        }}
      >
        <h2>New token</h2>
        <div class="row">
          <Field label="Token name" error={fields.name} hint="What it is for, e.g. “monitoring script”.">
            {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label="Acts as (email)" error={fields.email} hint={`Optional; defaults to you (${me.email}).`}>
            {(p) => <input {...p} type="email" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            Create token
          </button>
        </div>
      </form>
      <div role="status">
        {secret && (
          <div class="alert alert-ok secret">
            <p>Copy this token now: it is shown only once.</p>
            <code class="token-secret">{secret}</code>
            <button type="button" class="button-quiet" onClick={() => setSecret('')}>
              I have copied it
            </button>
          </div>
        )}
      </div>
      <ErrorMessage text={error || tokens.error} />
      <Notice text={notice} />
      <h2>Tokens</h2>
      {tokens.data?.length === 0 && <p class="empty">No tokens.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <div class="table-wrap">
          <table class="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Acts as</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((t) => (
                <tr key={t.id}>
                  <td class="card-title">{t.name || <span class="muted">(no name)</span>}</td>
                  <td data-label="Acts as">{ownerName(t.user_id)}</td>
                  <td data-label="Created">
                    <Time iso={t.created_at} />
                  </td>
                  <td data-label="Last used">{t.last_used_at ? <Time iso={t.last_used_at} /> : 'Never'}</td>
                  <td>
                    <button
                      type="button"
                      class="button-secondary button-small"
                      aria-label={`Revoke token ${t.name || t.id}`}
                      onClick={async () => {
                        try {
                          await del(`/tokens/${t.id}`);
                          setNotice(`Revoked ${t.name || 'the token'}.`);
                          void tokens.reload();
                        } catch (err) {
                          setError(errorText(err));
                        }
                      }}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
