// Admin: boards — named leaderboards that rank only their members (agents and admins), e.g. a
// field team compared among itself rather than with the whole company.
import { useEffect, useState } from 'preact/hooks';
import { type Board, del, errorText, get, type List, patch, post, type User } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { staffUsers } from '../../directory';

export function AdminBoards() {
  useTitle('Boards');
  const boards = useData(() => get<List<Board>>('/boards').then((l) => l.items), []);
  const staff = useData(() => staffUsers(), []);
  const [notice, setNotice] = useState('');
  const changed = (text: string) => {
    setNotice(text);
    void boards.reload();
  };

  return (
    <section aria-labelledby="boards-title">
      <h1 id="boards-title">Boards</h1>
      <p class="lede">A board is a leaderboard that ranks only its members. Technicians choose it on the Reports page.</p>
      <NewBoard staff={staff.data ?? []} onCreated={(b) => changed(`Created board ${b.name}.`)} />
      <ErrorMessage text={boards.error || staff.error} />
      <Notice text={notice} />
      {boards.data?.length === 0 && <p class="empty">No boards yet.</p>}
      {boards.data?.map((b) => (
        <BoardCard key={b.id} board={b} staff={staff.data ?? []} onChanged={changed} />
      ))}
    </section>
  );
}

/** A checkbox per staff member; disabled accounts only while they are still members. */
function MemberChoices({ staff, chosen, onChange, legend }: { staff: User[]; chosen: number[]; onChange: (ids: number[]) => void; legend: string }) {
  const people = staff.filter((u) => !u.disabled || chosen.includes(u.id));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {people.length === 0 && <p class="hint">No agents or admins yet.</p>}
      <div class="choices member-choices">
        {people.map((u) => (
          <label key={u.id} class="check">
            <input
              type="checkbox"
              checked={chosen.includes(u.id)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, u.id] : chosen.filter((id) => id !== u.id))}
            />
            {u.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function NewBoard({ staff, onCreated }: { staff: User[]; onCreated: (b: Board) => void }) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<number[]>([]);
  const { error, fields, clear, fail } = useFormErrors();
  return (
    <form
      class="panel stack"
      aria-labelledby="new-board-title"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const b = await post<Board>('/boards', { name: name.trim(), member_ids: members });
          setName('');
          setMembers([]);
          clear();
          onCreated(b);
        } catch (err) {
          fail(err);
        }
      }}
    >
      <h2 id="new-board-title">New board</h2>
      <Field label="Board name" error={fields.name}>
        {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <MemberChoices staff={staff} chosen={members} onChange={setMembers} legend="Members" />
      {fields.member_ids && <p class="field-error">{fields.member_ids}</p>}
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button">
          Create board
        </button>
      </div>
    </form>
  );
}

function BoardCard({ board, staff, onChanged }: { board: Board; staff: User[]; onChanged: (text: string) => void }) {
  const [name, setName] = useState(board.name);
  const [members, setMembers] = useState(board.member_ids);
  const { error, setError, fields, clear, fail } = useFormErrors();
  useEffect(() => {
    setName(board.name);
    setMembers(board.member_ids);
  }, [board]);

  return (
    <form
      class="panel stack"
      aria-labelledby={`board-${board.id}`}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const b = await patch<Board>(`/boards/${board.id}`, { name: name.trim(), member_ids: members });
          clear();
          onChanged(`Saved board ${b.name}.`);
        } catch (err) {
          fail(err);
        }
      }}
    >
      <h2 id={`board-${board.id}`}>{board.name}</h2>
      <Field label={`Name of board ${board.name}`} error={fields.name}>
        {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <MemberChoices staff={staff} chosen={members} onChange={setMembers} legend={`Members of ${board.name}`} />
      {fields.member_ids && <p class="field-error">{fields.member_ids}</p>}
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button">
          Save board
        </button>
        <button
          type="button"
          class="button-secondary"
          aria-label={`Delete board ${board.name}`}
          onClick={async () => {
            try {
              await del(`/boards/${board.id}`);
              onChanged(`Deleted board ${board.name}.`);
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          Delete
        </button>
      </div>
    </form>
  );
}
