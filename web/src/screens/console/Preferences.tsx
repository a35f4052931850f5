// My preferences (staff): the time zone that decides which day a close counts on, whether the
// morning report mail comes, away days (not counted as working days on the leaderboard), and
// the person's own API tokens.
import { useEffect, useState } from 'preact/hooks';
import { del, errorText, get, type Me, patch, put, type User } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { formatDay } from '../../days';
import { AccountSecurity } from './AccountSecurity';
import { MyTokens } from './MyTokens';

// The preferences as they are now (GET /me carries them; the app's copy may be older).
type Prefs = Pick<User, 'id' | 'timezone' | 'morning_report'>;
async function loadOwnUser(): Promise<Prefs> {
  const m = await get<Me>('/me');
  return { id: m.id, timezone: m.timezone ?? 'UTC', morning_report: m.morning_report ?? true };
}

// Suggestions only: the server decides which names it knows.
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function PreferencesScreen({ me }: { me: Me }) {
  useTitle('My preferences');
  const user = useData(() => loadOwnUser(), [me.id]);
  return (
    <>
      <h1>My preferences</h1>
      <ErrorMessage text={user.error} />
      {user.data && <SettingsForm user={user.data} onSaved={user.setData} />}
      <AwayDays me={me} />
      <MyTokens me={me} />
      <AccountSecurity me={me} />
    </>
  );
}

function SettingsForm({ user, onSaved }: { user: Prefs; onSaved: (u: Prefs) => void }) {
  const [zone, setZone] = useState(user.timezone);
  const [morning, setMorning] = useState(user.morning_report);
  const { error, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    setZone(user.timezone);
    setMorning(user.morning_report);
  }, [user]);

  return (
    <form
      class="panel stack"
      aria-labelledby="settings-title"
      onSubmit={async (e) => {
        e.preventDefault();
        // Only what changed: a person may patch just these two fields of their own account.
        const body: Record<string, unknown> = {};
        if (zone.trim() !== user.timezone) body.timezone = zone.trim();
        if (morning !== user.morning_report) body.morning_report = morning;
        setNotice('');
        if (Object.keys(body).length === 0) {
          setNotice('Nothing to save.');
          return;
        }
        try {
          onSaved(await patch<User>(`/users/${user.id}`, body));
          clear();
          setNotice('Saved your preferences.');
        } catch (err) {
          fail(err);
        }
      }}
    >
      <h2 id="settings-title">Time zone and mail</h2>
      <Field label="Time zone" error={fields.timezone} hint="Your days in reports start at midnight here. A name like Europe/Berlin.">
        {(p) => (
          <>
            <input {...p} list="time-zones" value={zone} autoComplete="off" onInput={(e) => setZone(e.currentTarget.value)} />
            <datalist id="time-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <label class="check">
        <input type="checkbox" checked={morning} onChange={(e) => setMorning(e.currentTarget.checked)} />
        Send me the morning report
      </label>
      <p class="hint">An email each morning: your closed tickets of the last 14 days and where you stand on the leaderboard.</p>
      <ErrorMessage text={error} />
      <Notice text={notice} />
      <div class="actions">
        <button type="submit" class="button">
          Save preferences
        </button>
      </div>
    </form>
  );
}

function AwayDays({ me }: { me: Me }) {
  const days = useData(() => get<{ days: string[] }>(`/users/${me.id}/away`).then((r) => [...r.days].sort()), [me.id]);
  const [day, setDay] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const change = async (run: () => Promise<unknown>, text: string) => {
    try {
      await run();
      setError('');
      setNotice(text);
      void days.reload();
      return true;
    } catch (err) {
      setError(errorText(err));
      return false;
    }
  };

  return (
    <section class="panel" aria-labelledby="away-title">
      <h2 id="away-title">Away days</h2>
      <p class="hint">Days off, such as holidays or sick days. They do not count as working days on the leaderboard.</p>
      {days.data?.length === 0 && <p class="empty">No away days.</p>}
      {days.data && days.data.length > 0 && (
        <ul class="member-list" aria-label="Away days">
          {days.data.map((d) => (
            <li key={d}>
              <time dateTime={d}>{formatDay(d)}</time>
              <button
                type="button"
                class="button-quiet button-small"
                aria-label={`Remove away day ${formatDay(d)}`}
                onClick={() => void change(() => del(`/users/${me.id}/away/${d}`), `Removed ${formatDay(d)}.`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!day) return;
          if (await change(() => put(`/users/${me.id}/away/${day}`, undefined), `Added ${formatDay(day)} as an away day.`)) setDay('');
        }}
      >
        <Field label="Add an away day">
          {(p) => <input {...p} type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button-secondary" disabled={!day}>
          Add away day
        </button>
      </form>
      <ErrorMessage text={error || days.error} />
      <Notice text={notice} />
    </section>
  );
}
