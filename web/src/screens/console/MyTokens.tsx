// "My API tokens" on My preferences: the signed-in person's own tokens (never the secrets: the
// server keeps only their hashes) with when each was created and last used, and a Revoke button. An admin's
// GET /tokens lists everyone's; this section shows only the person's own.
import { useState } from 'preact/hooks';
import { type ApiToken, del, errorText, get, type List, type Me } from '../../api';
import { ErrorMessage, Notice, Time, useData } from '../../components/common';

export function MyTokens({ me }: { me: Me }) {
  const tokens = useData(() => get<List<ApiToken>>('/tokens').then((l) => l.items.filter((t) => t.user_id === me.id)), [me.id]);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const revoke = async (t: ApiToken) => {
    setNotice('');
    try {
      await del(`/tokens/${t.id}`);
      setError('');
      setNotice(`Revoked “${t.name}”. Programs using it can no longer sign in.`);
      void tokens.reload();
    } catch (err) {
      setError(`Could not revoke “${t.name}”. ${errorText(err)}`);
    }
  };

  return (
    <section class="panel" aria-labelledby="my-tokens-title">
      <h2 id="my-tokens-title">My API tokens</h2>
      <p class="hint">Tokens let scripts and other programs use Frontline as you. Revoke one you no longer use or may have leaked.</p>
      {tokens.data?.length === 0 && <p class="empty">You have no API tokens.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <div class="table-wrap compact">
          <table class="data stack-on-phone">
            <caption class="sr-only">My API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
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
                  <th scope="row" class="card-title">{t.name}</th>
                  <td data-label="Created">
                    <Time iso={t.created_at} />
                  </td>
                  <td data-label="Last used">{t.last_used_at ? <Time iso={t.last_used_at} /> : 'Never'}</td>
                  <td>
                    <button type="button" class="button-secondary button-small" aria-label={`Revoke ${t.name}`} onClick={() => void revoke(t)}>
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage text={error || tokens.error} />
      <Notice text={notice} />
    </section>
  );
}
