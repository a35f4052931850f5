// Admin: ticket categories offered in the portal's new-ticket form and the ticket side panel.
// Deleting one that tickets use asks first, saying how many; an unused one goes at once. After a
// delete, focus moves to the next row's Delete button (the last row's: the one before; none left:
// the heading), not to the page's start where the removed button's focus would fall.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Category, del, errorText, get, type List, post, qs } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { invalidate } from '../../directory';

/** A category in use: how many tickets have it (null when they could not be counted). */
interface InUse {
  category: Category;
  count: string | null;
}

// The search language quotes a value with spaces ("category:\"Two words\"") and has no escape
// for a quote inside one, so such a name cannot be counted: the question then says so.
async function ticketsUsing(c: Category): Promise<{ count: number; capped?: boolean } | null> {
  if (c.name.includes('"')) return null;
  return get<{ count: number; capped?: boolean }>(`/tickets/count${qs({ q: `category:"${c.name}"` })}`);
}

export function AdminCategories() {
  useTitle('Categories');
  const cats = useData(() => get<List<Category>>('/categories').then((l) => l.items), []);
  const [name, setName] = useState('');
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  // The last question stays set while its dialog closes, so the title does not change under it.
  const [asking, setAsking] = useState<InUse | null>(null);
  const [askOpen, setAskOpen] = useState(false);
  // The list position of the category just deleted, until focus has moved after the reload.
  const [deletedAt, setDeletedAt] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (deletedAt === null || cats.loading) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(deletedAt, buttons.length - 1)];
    (next ?? heading.current)?.focus();
    setDeletedAt(null);
  }, [deletedAt, cats.data, cats.loading]);
  const changed = (text: string) => {
    setNotice(text);
    invalidate('categories');
    void cats.reload();
  };
  const remove = async (c: Category) => {
    try {
      await del(`/categories/${c.id}`);
      setError('');
      setDeletedAt(Math.max(0, cats.data?.findIndex((x) => x.id === c.id) ?? 0));
      changed(`Deleted ${c.name}.`);
    } catch (err) {
      setNotice('');
      setError(errorText(err));
    }
  };
  const askOrRemove = async (c: Category) => {
    setNotice('');
    let found: { count: number; capped?: boolean } | null;
    try {
      found = await ticketsUsing(c);
    } catch {
      found = null;
    }
    if (found && found.count === 0) return remove(c);
    setAsking({ category: c, count: found ? `${found.count.toLocaleString('en')}${found.capped ? '+' : ''}` : null });
    setAskOpen(true);
  };
  return (
    <section aria-labelledby="cats-title">
      <h1 id="cats-title" ref={heading} tabIndex={-1}>
        Categories
      </h1>
      <form
        class="panel inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const c = await post<Category>('/categories', { name: name.trim() });
            setName('');
            clear();
            changed(`Added ${c.name}.`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <Field label="New category" error={fields.name}>
          {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button">
          Add category
        </button>
      </form>
      <ErrorMessage text={error || cats.error} />
      <Notice text={notice} />
      {cats.data?.length === 0 && <p class="empty">No categories yet.</p>}
      {cats.data && cats.data.length > 0 && (
        <ul class="member-list" aria-label="Categories" ref={list}>
          {cats.data.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <button type="button" class="button-quiet button-small" aria-label={`Delete category ${c.name}`} onClick={() => void askOrRemove(c)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={askOpen}
        title={asking ? `Delete ${asking.category.name}?` : 'Delete category?'}
        confirmLabel="Delete category"
        onCancel={() => setAskOpen(false)}
        onConfirm={() => {
          setAskOpen(false);
          void remove(asking!.category);
        }}
      >
        {asking && (
          <>
            <p>
              {asking.count === null
                ? `Frontline could not count the tickets that use ${asking.category.name}; some may.`
                : asking.count === '1'
                  ? `1 ticket uses ${asking.category.name}.`
                  : `${asking.count} tickets use ${asking.category.name}.`}
            </p>
            <p>
              Those tickets keep it as their category, but nobody can choose it any more, and a search for it stops working.
            </p>
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
