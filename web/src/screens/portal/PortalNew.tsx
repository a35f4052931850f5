// A customer opens a ticket: subject, description, category, the category's intake questions
// (docs/intake.md; each answer's error shown at its question) and attachments (multipart).
import { useEffect, useState } from 'preact/hooks';
import { type Category, get, type List, post, type Ticket } from '../../api';
import { ErrorMessage, Field, useFormErrors, useTitle } from '../../components/common';
import { answersToSend, CategorySelect, type IntakeAnswers, IntakeFields, missingAnswers, useIntakeForm } from '../../components/IntakeQuestions';
import { oversizedFiles } from '../../limits';
import { navigate } from '../../router';

export function PortalNew() {
  useTitle('New ticket');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [cats, setCats] = useState<Category[]>([]);
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, fail } = useFormErrors();
  const questions = useIntakeForm(category, null);
  const [answers, setAnswers] = useState<IntakeAnswers>({});

  useEffect(() => {
    get<List<Category>>('/categories').then(
      (l) => setCats(l.items),
      () => setCats([]),
    );
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!subject.trim()) problems.subject = 'Give your request a short subject.';
    if (!body.trim()) problems.body = 'Describe what happened.';
    const tooBig = await oversizedFiles(files);
    if (tooBig) problems.files = tooBig;
    Object.assign(problems, missingAnswers(questions, answers));
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      return;
    }
    setBusy(true);
    try {
      const form = new FormData();
      form.set('subject', subject.trim());
      form.set('body', body);
      if (category) form.set('category', category);
      const sent = answersToSend(questions, answers);
      if (Object.keys(sent).length) form.set('answers', JSON.stringify(sent));
      for (const f of files) form.append('files', f, f.name);
      const t = await post<Ticket>('/tickets', form);
      navigate(`/portal/tickets/${t.number}?created=1`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">Open a ticket</h1>
      <p class="lede">Tell us what you need. We will answer by email and here.</p>
      <form onSubmit={submit} class="stack" noValidate>
        <Field label="Subject" error={fields.subject}>
          {(p) => <input {...p} value={subject} maxLength={200} onInput={(e) => setSubject(e.currentTarget.value)} />}
        </Field>
        <Field label="Description" error={fields.body} hint="What happened, what you expected, and any error message.">
          {(p) => <textarea {...p} rows={8} value={body} onInput={(e) => setBody(e.currentTarget.value)} />}
        </Field>
        <CategorySelect label="Category" categories={cats} value={category} onChange={setCategory} error={fields.category} />
        <IntakeFields questions={questions} answers={answers} onChange={setAnswers} errors={fields} legend={`About your ${category} request`} />
        <Field label="Attachments" hint="Optional: screenshots or log files, up to 25 MB each." error={fields.files}>
          {(p) => (
            <input
              {...p}
              type="file"
              multiple
              onChange={(e) => {
                const chosen = Array.from(e.currentTarget.files ?? []);
                setFiles(chosen);
                void oversizedFiles(chosen).then((tooBig) => setFields(tooBig ? { files: tooBig } : {}));
              }}
            />
          )}
        </Field>
        <ErrorMessage text={error} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Sending…' : 'Open ticket'}
          </button>
        </div>
      </form>
    </section>
  );
}
