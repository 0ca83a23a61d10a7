import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeletedReport, DeleteProblem } from '../lib/app/delete-everything';
import { INTL_LOCALE, type Translate } from '../lib/i18n/translate';
import type { Locale } from '../lib/locale';
import { useApp, useT } from './app-context';
import '../lib/i18n/workshop-messages';

/** "Removed 3 sessions, 2 templates of your own and your settings." in the language. */
export function removedText(t: Translate, locale: Locale, report: DeletedReport): string {
  const parts = [
    report.sessions > 0 && t('device.removedSessions', { count: report.sessions }),
    report.ownTemplates > 0 && t('device.removedTemplates', { count: report.ownTemplates }),
    report.settings && t('device.removedSettings'),
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length === 0) return '';
  const what = new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(parts);
  return t('device.removed', { what });
}

function problemText(t: Translate, problem: DeleteProblem): string {
  switch (problem.kind) {
    case 'sessions-blocked':
      return t('device.sessionsBlocked', { count: problem.count });
    case 'sessions-failed':
      return t('device.sessionsFailed', { count: problem.count, detail: problem.detail });
    case 'storage-failed':
      return t('device.storageFailed', { detail: problem.detail });
  }
}

/**
 * Settings' last section: "Delete everything on this device", after a confirmation that says
 * what goes and what stays (others' copies), with the safe choice focused. What was removed is
 * said in a status region that is always there, so screen readers hear it when it changes;
 * what could not be removed is an alert.
 */
export function DeviceSection({ onDeleted }: { onDeleted: () => void }) {
  const app = useApp();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [report, setReport] = useState<DeletedReport | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // The safe choice gets the focus (by hand: a browser honours `autofocus` only once per
    // page); when the confirmation closes, the button it replaced gets it back.
    if (confirming) keep.current?.focus();
    else if (returnFocus.current) opener.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const close = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const confirm = async () => {
    setDeleting(true);
    try {
      setReport(await app.deleteEverything());
      onDeleted();
    } finally {
      setDeleting(false);
      close();
    }
  };

  const complete = report !== null && report.problems.length === 0;
  const removed = report ? removedText(t, app.locale.value, report) : '';
  return (
    <section class="device-section" aria-labelledby="device-title">
      <h3 id="device-title">{t('device.title')}</h3>
      <p class="hint">{t('device.intro')}</p>
      {confirming ? (
        <div
          class="confirm"
          role="alertdialog"
          aria-labelledby="device-confirm-title"
          aria-describedby="device-confirm-what"
        >
          <p id="device-confirm-title">
            <strong>{t('device.confirmTitle')}</strong>
          </p>
          <div id="device-confirm-what">
            <p>{t('device.confirmWhat')}</p>
            <ul class="device-confirm-list">
              <li>{t('device.confirmSessions')}</li>
              <li>{t('device.confirmDrafts')}</li>
              <li>{t('device.confirmTemplates')}</li>
              <li>{t('device.confirmSettings')}</li>
            </ul>
            <p>{t('device.confirmOthers')}</p>
            <p>{t('device.confirmFinal')}</p>
          </div>
          <div class="row">
            <button type="button" class="danger" disabled={deleting} onClick={confirm}>
              {deleting ? t('device.deleting') : t('device.confirmYes')}
            </button>
            <button type="button" class="secondary" ref={keep} disabled={deleting} onClick={close}>
              {t('device.confirmNo')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="danger-text"
          ref={opener}
          onClick={() => {
            setReport(null);
            setConfirming(true);
          }}
        >
          {t('device.deleteEverything')}
        </button>
      )}
      <div role="status" class="device-result">
        {complete && <p>{[removed, t('device.empty')].filter(Boolean).join(' ')}</p>}
      </div>
      {report !== null && !complete && (
        <div role="alert" class="error device-result">
          <p>{t('device.incomplete')}</p>
          {removed !== '' && <p>{removed}</p>}
          {report.problems.map((problem) => (
            <p key={problem.kind}>{problemText(t, problem)}</p>
          ))}
        </div>
      )}
    </section>
  );
}
