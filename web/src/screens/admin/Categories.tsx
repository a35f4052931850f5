// Admin: ticket categories offered in the portal's new-ticket form and the ticket side panel.
import { useState } from 'preact/hooks';
import { type Category, del, errorText, get, type List, post } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { invalidate } from '../../directory';

export function AdminCategories() {
  useTitle('Categories');
  const cats = useData(() => get<List<Category>>('/categories').then((l) => l.items), []);
  const [name, setName] = useState('');
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  const changed = (text: string) => {
    setNotice(text);
    invalidate('categories');
    void cats.reload();
  };
  return (
    <section aria-labelledby="cats-title">
      <h1 id="cats-title">Categories</h1>
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
        <ul class="member-list" aria-label="Categories">
          {cats.data.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <button
                type="button"
                class="button-quiet button-small"
                aria-label={`Delete category ${c.name}`}
                onClick={async () => {
                  try {
                    await del(`/categories/${c.id}`);
                    changed(`Deleted ${c.name}.`);
                  } catch (err) {
                    setError(errorText(err));
                  }
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
