import { useEffect } from 'preact/hooks';
import type { CopiedWhat, Toast as ToastData } from '../lib/app/app-model';
import { describeSessionError } from '../lib/i18n/errors';
import type { MessageKey } from '../lib/i18n/messages-en';
import type { Translate } from '../lib/i18n/translate';
import { useApp, useT } from './app-context';

/** How long a confirmation stays on screen, in milliseconds. Errors stay until dismissed. */
const TOAST_MS = 5_000;

const COPIED = {
  code: 'room.codeCopied',
  link: 'room.linkCopied',
  harvest: 'export.copied',
} as const satisfies Record<CopiedWhat, MessageKey>;

function toastText(t: Translate, toast: ToastData): string {
  switch (toast.kind) {
    case 'session-deleted':
      return t('sessions.deleted', { title: toast.title });
    case 'settings-saved':
      return t('settings.saved');
    case 'copied':
      return t(COPIED[toast.what]);
    case 'copy-failed':
      return t('export.failed');
    case 'downloaded':
      return t('export.downloaded', { file: toast.file });
    case 'storage-failed':
      return t('error.storage', { detail: toast.detail });
    case 'session-error':
      return describeSessionError(t, toast.error);
    case 'template-saved':
      return t('ownTemplates.saved', { name: toast.name });
    case 'template-deleted':
      return t('ownTemplates.deleted', { name: toast.name });
    case 'template-imported':
      return t('ownTemplates.imported', { name: toast.name });
    case 'template-exported':
      return t('ownTemplates.exported', { file: toast.file });
    case 'own-templates-skipped':
      return t('ownTemplates.skipped', { count: toast.count });
    case 'own-templates-unreadable':
      return t('ownTemplates.unreadable');
  }
}

/** One polite live region for confirmations, always in the page so screen readers hear it. */
export function Toast() {
  const app = useApp();
  const t = useT();
  const toast = app.toast.value;
  const isError =
    toast?.kind === 'storage-failed' ||
    toast?.kind === 'copy-failed' ||
    toast?.kind === 'own-templates-skipped' ||
    toast?.kind === 'own-templates-unreadable';
  useEffect(() => {
    if (!toast || isError) return;
    const timer = setTimeout(() => app.dismissToast(), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, isError, app]);
  return (
    <div class="toast-region" role="status" aria-live="polite">
      {toast && (
        <div class={isError ? 'toast toast-error' : 'toast'}>
          <span>{toastText(t, toast)}</span>
          <button type="button" class="link" onClick={() => app.dismissToast()}>
            ×<span class="visually-hidden"> {t('common.close')}</span>
          </button>
        </div>
      )}
    </div>
  );
}
