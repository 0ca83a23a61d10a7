import { useRef, useState } from 'preact/hooks';
import type { ImportChoice, ImportOutcome } from '../../lib/app/own-templates';
import {
  describeOwnTemplateRefusal,
  describeTemplateProblem,
} from '../../lib/i18n/template-problems';
import type { TemplateProblem } from '../../lib/templates/problems';
import { useApp, useT } from '../app-context';
import '../../lib/i18n/workshop-messages';
import { focusOnMount } from '../focus-on-mount';

type Conflict = Extract<ImportOutcome, { kind: 'conflict' }>;

/** What went wrong with the last file: the validator's problems, or one sentence. */
interface Refusal {
  readonly file: string;
  readonly problems?: readonly TemplateProblem[];
  readonly message?: string;
}

/**
 * "New template" and "Import template". A file is read as bytes, so a file that is not UTF-8
 * is named as such instead of turning into garbled text. A refused file lists every problem
 * with its path; a file whose id is taken asks before anything is stored.
 */
export function TemplateImport({
  onNew,
  onImported,
}: {
  onNew: () => void;
  onImported: (id: string) => void;
}) {
  const app = useApp();
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const read = async (file: File) => {
    setRefusal(null);
    setConflict(null);
    const outcome = await app.importTemplate(new Uint8Array(await file.arrayBuffer()));
    if (outcome.kind === 'invalid') setRefusal({ file: file.name, problems: outcome.problems });
    else if (outcome.kind === 'refused') {
      setRefusal({ file: file.name, message: describeOwnTemplateRefusal(t, outcome.refusal) });
    } else if (outcome.kind === 'conflict') setConflict(outcome);
    else onImported(outcome.template.id);
  };
  const resolve = async (choice: ImportChoice) => {
    if (!conflict) return;
    const saved = await app.resolveImport(conflict.incoming, choice);
    setConflict(null);
    if (saved.ok) onImported(saved.value.id);
    else setRefusal({ file: '', message: describeOwnTemplateRefusal(t, saved.error) });
  };

  return (
    <div class="template-import">
      <div class="row">
        <button type="button" class="secondary" onClick={onNew}>
          {t('tpl.new')}
        </button>
        <button type="button" class="secondary" onClick={() => input.current?.click()}>
          {t('tpl.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('tpl.importFile')}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Emptied, so choosing the same file again (after fixing it) is a change too.
            e.currentTarget.value = '';
            if (file) void read(file);
          }}
        />
      </div>
      {refusal && (
        <div class="import-problems" role="alert">
          {refusal.problems ? (
            <>
              <p>{t('tpl.importRefused', { file: refusal.file })}</p>
              <ul class="error">
                {refusal.problems.map((problem, index) => (
                  <li key={index}>{describeTemplateProblem(t, problem)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p class="error">{refusal.message}</p>
          )}
        </div>
      )}
      {conflict && (
        <div class="confirm" role="alertdialog" aria-labelledby="import-conflict">
          <p id="import-conflict">
            {t('tpl.conflict', {
              id: conflict.incoming.id,
              name: conflict.existing.name[app.locale.value],
            })}{' '}
            {conflict.builtIn ? t('tpl.conflictBuiltIn') : t('tpl.conflictOwn')}
          </p>
          <div class="row">
            {!conflict.builtIn && (
              <button type="button" class="danger" onClick={() => void resolve('replace')}>
                {t('tpl.replace')}
              </button>
            )}
            <button
              type="button"
              class="primary"
              ref={focusOnMount}
              onClick={() => void resolve('keep-both')}
            >
              {t('tpl.keepBoth')}
            </button>
            <button type="button" class="secondary" onClick={() => setConflict(null)}>
              {t('session.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
