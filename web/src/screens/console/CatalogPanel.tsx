// The service directory as a Backstage catalog (docs/services.md, "Backstage catalog"): staff
// download every service as catalog-info.yaml; admins load a catalog — a chosen .yaml file or
// pasted text — and see what it did (services created and updated, documents skipped and why,
// warnings), or, for malformed YAML, the server's message naming the document, line and column.
import { useState } from 'preact/hooks';
import { errorText, type Me, post } from '../../api';
import { ErrorMessage, Field } from '../../components/common';
import { importSummaryLine } from '../../service_text';

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: { document: number; reason: string }[];
  warnings: string[];
}

export function CatalogPanel({ me, onImported }: { me: Me; onImported: () => void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState('');
  const admin = me.role === 'admin';

  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
    setResult(null);
    setError('');
  };

  const load = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setError('Choose a catalog file or paste its YAML first.');
      return;
    }
    setBusy(true);
    try {
      const r = await post<ImportSummary>('/services/import', new Blob([text], { type: 'application/yaml' }));
      setResult(r);
      setError('');
      onImported();
    } catch (err) {
      setResult(null);
      setError(`Nothing was imported. ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel catalog-panel" aria-labelledby="catalog-title">
      <h2 id="catalog-title">Backstage catalog</h2>
      <p>
        <a class="button-secondary" href="/api/v1/services/export" download="catalog-info.yaml">
          Export catalog
        </a>{' '}
        <span class="muted">Every service as catalog-info.yaml, which importing gives back.</span>
      </p>
      {admin && (
        <details open={!!text || !!result || !!error}>
          <summary>Import catalog</summary>
          <form class="stack" onSubmit={load} noValidate>
            <p class="hint">A service with the same name is updated (a revision in your name), any other is added. Documents that are not services (groups, users) are skipped.</p>
            <Field label="Catalog file" hint="catalog-info.yaml, one or more documents separated by ---">
              {(p) => <input {...p} type="file" accept=".yaml,.yml,application/yaml,text/yaml" onChange={(e) => void chooseFile(e.currentTarget)} />}
            </Field>
            <Field label="Or paste the YAML" hint={fileName ? `Loaded from ${fileName}; you can edit it here.` : undefined}>
              {(p) => (
                <textarea
                  {...p}
                  class="preformatted"
                  rows={8}
                  spellcheck={false}
                  value={text}
                  onInput={(e) => {
                    setText(e.currentTarget.value);
                    setResult(null);
                  }}
                />
              )}
            </Field>
            <ErrorMessage text={error} />
            <div class="actions">
              <button type="submit" class="button" disabled={busy}>
                {busy ? 'Importing…' : 'Import catalog'}
              </button>
            </div>
          </form>
          {result && (
            <div role="status" class="catalog-result">
              <p>
                <strong>Imported: {importSummaryLine(result)}</strong>
              </p>
              {result.skipped.length > 0 && (
                <>
                  <h3>Skipped</h3>
                  <ul class="plain-list" aria-label="Skipped documents">
                    {result.skipped.map((s) => (
                      <li key={s.document}>
                        Document {s.document}: {s.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {result.warnings.length > 0 && (
                <>
                  <h3>Warnings</h3>
                  <ul class="plain-list" aria-label="Warnings">
                    {result.warnings.map((w, i) => (
                      <li key={i}>{w}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </details>
      )}
    </section>
  );
}
