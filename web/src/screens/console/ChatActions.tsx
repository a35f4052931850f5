// A technician's actions on a chat besides writing: insert a canned response (a macro's reply,
// placeholders filled), send a form, ask for the shipping address of a hardware replacement on the
// chat's ticket (the built-in "Shipping address" form, docs/replacements.md), transfer the chat to someone else or a team with a note,
// end it (and resolve the ticket if that settles it).
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, type List, type Me, post, type Replacement, type Team, type User } from '../../api';
import { Dialog, ErrorMessage, Field } from '../../components/common';
import { staffUsers, teams } from '../../directory';
import { useLiveRefresh } from '../../live';
import { unitText } from '../../replacement_text';
import { listMacros, type Macro } from '../../macros';
import { fillPlaceholders } from '../../chat/placeholders';
import type { Chat, ChatForm } from '../../chat/protocol';

/** GET /chat-forms answers {items:[…]} (or a bare list): both are read. */
export async function listChatForms(): Promise<ChatForm[]> {
  const r = await get<{ items: ChatForm[] } | ChatForm[]>('/chat-forms');
  return Array.isArray(r) ? r : r.items;
}

interface Props {
  chat: Chat;
  me: Me;
  ended: boolean;
  onInsert: (text: string) => void;
  onGone: () => void;
}

export function ChatActions({ chat, me, ended, onInsert, onGone }: Props) {
  const [macros, setMacros] = useState<Macro[]>([]);
  const [forms, setForms] = useState<ChatForm[]>([]);
  const [macroId, setMacroId] = useState('');
  const [formId, setFormId] = useState('');
  const [dialog, setDialog] = useState<'transfer' | 'end' | null>(null);
  const [error, setError] = useState('');
  const [awaiting, setAwaiting] = useState<Replacement[]>([]);
  const [replacementId, setReplacementId] = useState('');
  const [sentNote, setSentNote] = useState('');

  // The replacements on the chat's ticket still waiting for a confirmed address.
  const loadReplacements = () =>
    get<List<Replacement>>(`/tickets/${chat.ticket_number}/replacements`).then(
      (l) => setAwaiting(l.items.filter((r) => r.status === 'requested')),
      () => setAwaiting([]),
    );
  useEffect(() => void loadReplacements(), [chat.ticket_number]);
  useLiveRefresh((e) => e.ticket_number === chat.ticket_number && e.type.startsWith('ticket.replacement_'), () => void loadReplacements());

  useEffect(() => {
    listMacros().then(
      (m) => setMacros(m.filter((x) => x.reply.trim() !== '')),
      () => setMacros([]),
    );
    listChatForms().then(setForms, () => setForms([]));
  }, []);

  if (ended) return null;
  return (
    <div class="chat-tools">
      {macros.length > 0 && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const m = macros.find((x) => String(x.id) === macroId);
            if (!m) return;
            onInsert(
              fillPlaceholders(m.reply, {
                customer_name: chat.name || chat.email,
                agent_name: me.name,
                ticket_number: chat.ticket_number,
                subject: chat.topic,
              }),
            );
            setMacroId('');
          }}
        >
          <Field label="Canned response">
            {(p) => (
              <select {...p} value={macroId} onChange={(e) => setMacroId(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {macros.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" class="button-secondary" disabled={!macroId}>
            Insert
          </button>
        </form>
      )}
      {forms.length > 0 && (
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!formId) return;
            try {
              await post(`/chats/${chat.id}/forms`, { form_id: Number(formId) });
              setFormId('');
              setError('');
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          <Field label="Form">
            {(p) => (
              <select {...p} value={formId} onChange={(e) => setFormId(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {forms.map((f) => (
                  <option key={f.id} value={String(f.id)}>
                    {f.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" class="button-secondary" disabled={!formId}>
            Send form
          </button>
        </form>
      )}
      {awaiting.length > 0 && (
        <form
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const id = awaiting.length === 1 ? awaiting[0].id : Number(replacementId);
            if (!id) return;
            try {
              await post(`/chats/${chat.id}/forms`, { replacement_id: id });
              setReplacementId('');
              setError('');
              setSentNote('The shipping address form is in the chat.');
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          {awaiting.length > 1 && (
            <Field label="Replacement">
              {(p) => (
                <select {...p} value={replacementId} onChange={(e) => setReplacementId(e.currentTarget.value)}>
                  <option value="">Choose…</option>
                  {awaiting.map((r) => (
                    <option key={r.id} value={String(r.id)}>
                      {unitText(r.model, r.serial)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <button type="submit" class="button-secondary" disabled={awaiting.length > 1 && !replacementId}>
            Ask for shipping address
            {awaiting.length === 1 && <span class="sr-only"> for the replacement of {unitText(awaiting[0].model, awaiting[0].serial)}</span>}
          </button>
          <span role="status" class={sentNote ? 'muted' : 'sr-only'}>
            {sentNote}
          </span>
        </form>
      )}
      <div class="inline-form">
        <button type="button" class="button-secondary" onClick={() => setDialog('transfer')}>
          Transfer…
        </button>
        <button type="button" class="button-secondary" onClick={() => setDialog('end')}>
          End chat…
        </button>
      </div>
      <ErrorMessage text={error} />
      <Dialog open={dialog === 'transfer'} title={`Transfer the chat with ${chat.name || chat.email}`} onClose={() => setDialog(null)}>
        <TransferForm chat={chat} me={me} onDone={() => (setDialog(null), onGone())} />
      </Dialog>
      <Dialog open={dialog === 'end'} title={`End the chat with ${chat.name || chat.email}`} onClose={() => setDialog(null)}>
        <EndForm chat={chat} onDone={() => setDialog(null)} />
      </Dialog>
    </div>
  );
}

function TransferForm({ chat, me, onDone }: { chat: Chat; me: Me; onDone: () => void }) {
  const [to, setTo] = useState<'agent' | 'team'>('agent');
  const [people, setPeople] = useState<User[]>([]);
  const [teamList, setTeamList] = useState<Team[]>([]);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    staffUsers().then((u) => setPeople(u.filter((x) => !x.disabled && x.id !== me.id)), () => setPeople([]));
    teams().then(setTeamList, () => setTeamList([]));
  }, []);

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (!target) {
          setError(to === 'agent' ? 'Choose a technician.' : 'Choose a team.');
          return;
        }
        setBusy(true);
        try {
          const body = to === 'agent' ? { agent_id: Number(target), note: note.trim() } : { team_id: Number(target), note: note.trim() };
          await post(`/chats/${chat.id}/transfer`, body);
          onDone();
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <fieldset class="segmented">
        <legend>Transfer to</legend>
        {(['agent', 'team'] as const).map((k) => (
          <label key={k} class={to === k ? 'on' : ''}>
            <input type="radio" name={`transfer-to-${chat.id}`} checked={to === k} onChange={() => (setTo(k), setTarget(''))} />
            {k === 'agent' ? 'A technician' : 'A team'}
          </label>
        ))}
      </fieldset>
      <Field label={to === 'agent' ? 'Technician' : 'Team'}>
        {(p) => (
          <select {...p} value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">Choose…</option>
            {(to === 'agent' ? people : teamList).map((x) => (
              <option key={x.id} value={String(x.id)}>
                {x.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note for them (the customer does not see it)">
        {(p) => <textarea {...p} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage text={error} />
      <button type="submit" class="button" disabled={busy}>
        Transfer
      </button>
    </form>
  );
}

function EndForm({ chat, onDone }: { chat: Chat; onDone: () => void }) {
  const [resolve, setResolve] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await post(`/chats/${chat.id}/end`, resolve ? { ticket_status: 'resolved' } : {});
          onDone();
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>The customer can still download the transcript; the conversation stays on ticket #{chat.ticket_number}.</p>
      <label class="check">
        <input type="checkbox" checked={resolve} onChange={(e) => setResolve(e.currentTarget.checked)} />
        Resolve the ticket
      </label>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          End chat
        </button>
      </div>
    </form>
  );
}
