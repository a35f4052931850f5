// My preferences → Password and sign-in: change one's own password (the current one required)
// and sign out everywhere (every session and API token). Both end this session too, so both
// lead back to the sign-in form.
import { useState } from 'preact/hooks';
import { errorText, fieldErrors, type Me, post } from '../../api';
import { Dialog, ErrorMessage, Field, useFormErrors } from '../../components/common';
import { sessionExpired } from '../../session';

export function AccountSecurity({ me }: { me: Me }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { error, setError, fields, clear, fail, setFields } = useFormErrors();
  const [confirming, setConfirming] = useState(false);
  const [signOutError, setSignOutError] = useState('');

  return (
    <section class="panel stack" aria-labelledby="security-title">
      <h2 id="security-title">Password and sign-in</h2>
      <form
        class="stack"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          clear();
          if (next.length < 8) {
            setFields({ new_password: 'Use at least 8 characters.' });
            return;
          }
          try {
            await post('/me/password', { current_password: current, new_password: next });
            sessionExpired(); // every session ended: sign in again with the new password
          } catch (err) {
            fail(err);
            if (Object.keys(fieldErrors(err)).length > 0) setError(''); // said next to the field
          }
        }}
      >
        <Field label="Current password" error={fields.current_password}>
          {(p) => (
            <input {...p} type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
          )}
        </Field>
        <Field label="New password" error={fields.new_password} hint="At least 8 characters. You will sign in again with it.">
          {(p) => <input {...p} type="password" autoComplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} />}
        </Field>
        <ErrorMessage text={error} />
        <div class="actions">
          <button type="submit" class="button">
            Change password
          </button>
        </div>
      </form>
      <p class="hint">Lost a laptop or phone? Signing out everywhere ends every session and revokes every API token of yours.</p>
      <div class="actions">
        <button type="button" class="button-secondary" onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      </div>
      <ErrorMessage text={signOutError} />
      <Dialog open={confirming} title="Sign out everywhere?" onClose={() => setConfirming(false)}>
        <p>Every browser and program signed in as you stops working, this one too. API tokens are revoked.</p>
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={async () => {
              try {
                await post(`/users/${me.id}/sign-out-everywhere`);
                sessionExpired();
              } catch (err) {
                setSignOutError(errorText(err));
                setConfirming(false);
              }
            }}
          >
            Sign out everywhere
          </button>
          <button type="button" class="button-quiet" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
