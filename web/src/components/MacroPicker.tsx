// The ticket page's macro picker: choose a shared or personal macro and apply it to the ticket
// as shown (If-Match), then hand the updated ticket back. A plain select and button, so it is
// reached and used with Tab, arrows and Enter like every other control.
import { useState } from 'preact/hooks';
import { ApiError, errorText, type Ticket } from '../api';
import { applyMacro, listMacros } from '../macros';
import { describeMacro, type MacroNames } from '../screens/macros/MacrosScreen';
import { ErrorMessage, Field, Notice, useData } from './common';

export function MacroPicker({ ticket, names, onApplied }: { ticket: Ticket; names?: MacroNames; onApplied: (t: Ticket) => void }) {
  const macros = useData(listMacros, []);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  if (!macros.data || macros.data.length === 0) return null;
  const macro = macros.data.find((m) => String(m.id) === chosen);
  return (
    <section class="panel" aria-labelledby="macro-title">
      <h2 id="macro-title">Macros</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!macro) return;
          setBusy(true);
          try {
            const r = await applyMacro(ticket, macro.id);
            setError('');
            setNotice(`Applied ${macro.name}.`);
            setChosen('');
            onApplied(r.ticket);
          } catch (err) {
            setNotice('');
            setError(
              err instanceof ApiError && err.status === 412
                ? 'Someone else changed this ticket meanwhile; nothing was applied. The page now shows their change — apply the macro again if it still fits.'
                : errorText(err),
            );
            if (err instanceof ApiError && err.status === 412) onApplied(ticket);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Field label="Macro" hint={macro ? describeMacro(macro, names) : undefined}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
              <option value="">Choose a macro…</option>
              {macros.data!.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.scope === 'personal' ? `${m.name} (mine)` : m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button" disabled={!macro || busy}>
          Apply macro
        </button>
      </form>
      <ErrorMessage text={error} />
      <Notice text={notice} />
    </section>
  );
}
