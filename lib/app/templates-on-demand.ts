import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Template } from '../templates/types';
import type { OwnTemplates } from './own-templates';
import type { OwnTemplatesReport } from './own-templates-store';

const NOTHING_YET: OwnTemplatesReport = { skipped: [], unreadable: null, renamed: [] };

/**
 * The templates (built-in and own) and what can be done with them, fetched only when a screen
 * needs them. Eight built-in templates with their notes, and the validator, are ~40 KB of
 * JavaScript gzipped: the participants' web page and a facilitator reopening a session never
 * need them, so they stay out of what a page loads at start (issue 7's budget, bench/bundle.ts).
 * The screens that choose or edit templates call `loadTemplates()` (components/templates/
 * use-templates.ts) and render once `templatesLoaded` is true.
 */
export function templatesOnDemand(create: () => Promise<OwnTemplates>) {
  const loaded = signal<OwnTemplates | null>(null);
  let loading: Promise<OwnTemplates> | null = null;

  function ready(): Promise<OwnTemplates> {
    loading ??= create().then(async (templates) => {
      await templates.loadOwnTemplates();
      loaded.value = templates;
      return templates;
    });
    // A chunk that could not be fetched (offline): the next call tries again.
    loading.catch(() => {
      loading = null;
    });
    return loading;
  }

  const on =
    <Args extends unknown[], R>(pick: (t: OwnTemplates) => (...args: Args) => R) =>
    async (...args: Args): Promise<Awaited<R>> =>
      await pick(await ready())(...args);

  return {
    /** Fetches the templates and reads the own ones from the store, once. */
    loadTemplates: (): Promise<void> => ready().then(() => undefined),
    templatesLoaded: computed(() => loaded.value !== null) as ReadonlySignal<boolean>,
    /** The own templates on this device; [] until loaded. */
    ownTemplates: computed<readonly Template[]>(() => loaded.value?.ownTemplates.value ?? []),
    /** The built-in templates, then the own ones; [] until loaded. */
    allTemplates: computed<readonly Template[]>(() => loaded.value?.allTemplates.value ?? []),
    ownTemplatesReport: computed<OwnTemplatesReport>(
      () => loaded.value?.ownTemplatesReport.value ?? NOTHING_YET,
    ),
    saveOwnTemplate: on((t) => t.saveOwnTemplate),
    deleteOwnTemplate: on((t) => t.deleteOwnTemplate),
    importTemplate: on((t) => t.importTemplate),
    resolveImport: on((t) => t.resolveImport),
    /** At once when loaded (as it is wherever an Export button shows): a download follows the click. */
    exportTemplate(template: Template): void {
      const templates = loaded.peek();
      if (templates) templates.exportTemplate(template);
      else void ready().then((later) => later.exportTemplate(template));
    },
    /** After "Delete everything": reads the (now empty) store again, if it was ever read. */
    reloadIfLoaded(): void {
      void loaded.peek()?.loadOwnTemplates();
    },
  };
}
