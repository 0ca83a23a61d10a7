import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { Locale } from '../locale';
import type { Platform } from '../platform/types';
import { err, ok, type Result } from '../result';
import { builtInTemplates } from '../templates';
import {
  parseTemplateBytes,
  serializeTemplate,
  templateFileName,
  uniqueTemplateId,
} from '../templates/file';
import type { TemplateProblem } from '../templates/problems';
import type { Template } from '../templates/types';
import { parseTemplate } from '../templates/validate';
import type { Toast } from './app-types';
import {
  loadOwnTemplates,
  NOTHING_TO_REPORT,
  type OwnTemplatesReport,
  type StoreRefusal,
  updateOwnTemplates,
} from './own-templates-store';

export type { OwnTemplatesReport, SkippedTemplate, StoreRefusal } from './own-templates-store';

/** Why `saveOwnTemplate`, `deleteOwnTemplate` or `resolveImport` changed nothing. */
export type OwnTemplateRefusal =
  /** The template breaks the format (the editor should have caught it; checked again here). */
  | { readonly reason: 'invalid'; readonly problems: readonly TemplateProblem[] }
  /** A built-in template has this id; an own template never replaces one. */
  | { readonly reason: 'built-in-id'; readonly id: string }
  /** Another own template has this id, and the save did not say it replaces that one. */
  | { readonly reason: 'id-taken'; readonly id: string }
  /** No own template has this id (deleted meanwhile, e.g. in another panel). */
  | { readonly reason: 'not-found'; readonly id: string }
  | StoreRefusal;

export interface SaveOptions {
  /**
   * The id of the own template this save replaces: the one being edited (its id may change in
   * the editor: the old one is then removed). Absent: a new template, whose id must be free.
   */
  readonly replacing?: string;
}

/** What `importTemplate` did with a file. */
export type ImportOutcome =
  /** The file is refused; nothing was stored. Every problem has its path. */
  | { readonly kind: 'invalid'; readonly problems: readonly TemplateProblem[] }
  /** Stored under its own id, which was free. */
  | { readonly kind: 'imported'; readonly template: Template }
  /**
   * A template with this id exists; nothing was stored. Ask: "Replace" (only when `builtIn` is
   * false), "Keep both", or cancel, then call `resolveImport`.
   */
  | {
      readonly kind: 'conflict';
      readonly incoming: Template;
      readonly existing: Template;
      readonly builtIn: boolean;
    }
  /** The file was fine, but the store refused to take it (see StoreRefusal). */
  | { readonly kind: 'refused'; readonly refusal: StoreRefusal };

export type ImportChoice = 'replace' | 'keep-both';

export interface OwnTemplateNeeds {
  readonly platform: Pick<Platform, 'store' | 'download'>;
  readonly toast: Signal<Toast | null>;
  readonly locale: ReadonlySignal<Locale>;
}

const BUILT_IN_IDS: ReadonlySet<string> = new Set(builtInTemplates.map((template) => template.id));

/** The facilitator's own templates: the list, and what can be done with them. */
export function createOwnTemplates({ platform, toast, locale }: OwnTemplateNeeds) {
  const { store } = platform;
  const own = signal<readonly Template[]>([]);
  const report = signal<OwnTemplatesReport>(NOTHING_TO_REPORT);
  const all = computed<readonly Template[]>(() => [...builtInTemplates, ...own.value]);

  const nameOf = (template: Template) => template.name[locale.peek()];

  /** Reads the store (init's load). Entries that fail the validator are reported, not lost. */
  async function load(): Promise<void> {
    try {
      const loaded = await loadOwnTemplates(store, BUILT_IN_IDS);
      own.value = loaded.templates;
      report.value = loaded.report;
      const count = loaded.report.skipped.length;
      if (count > 0) toast.value = { kind: 'own-templates-skipped', count };
      else if (loaded.report.unreadable) toast.value = { kind: 'own-templates-unreadable' };
    } catch (error) {
      toast.value = { kind: 'storage-failed', detail: describe(error) };
    }
  }

  /** The list as stored now, without the load's reports. */
  async function refresh(): Promise<readonly Template[]> {
    try {
      own.value = (await loadOwnTemplates(store, BUILT_IN_IDS)).templates;
    } catch {
      // Keep the list as it was; the caller's refusal says what went wrong.
    }
    return own.peek();
  }

  async function update(
    change: (templates: readonly Template[]) => Result<readonly Template[], OwnTemplateRefusal>,
  ): Promise<Result<readonly Template[], OwnTemplateRefusal>> {
    const updated = await updateOwnTemplates(store, BUILT_IN_IDS, change);
    if (updated.ok) own.value = updated.value;
    return updated;
  }

  async function save(
    input: Template,
    options: SaveOptions,
  ): Promise<Result<Template, OwnTemplateRefusal>> {
    // Checked again whatever the caller did: only templates the validator passes are stored.
    const parsed = parseTemplate(input);
    if (!parsed.ok) return err({ reason: 'invalid', problems: parsed.error });
    const template = parsed.value;
    if (BUILT_IN_IDS.has(template.id)) return err({ reason: 'built-in-id', id: template.id });
    const { replacing } = options;
    const updated = await update((templates) => {
      if (replacing !== undefined && !templates.some((t) => t.id === replacing)) {
        return err({ reason: 'not-found', id: replacing });
      }
      if (template.id !== replacing && templates.some((t) => t.id === template.id)) {
        return err({ reason: 'id-taken', id: template.id });
      }
      // An edited template keeps its place in the list; a new one goes last.
      if (replacing === undefined) return ok([...templates, template]);
      return ok(templates.map((t) => (t.id === replacing ? template : t)));
    });
    return updated.ok ? ok(template) : updated;
  }

  return {
    /** The own templates on this device, in the order they were made. */
    ownTemplates: own as ReadonlySignal<readonly Template[]>,
    /** The built-in templates, then the own ones: what New session offers. */
    allTemplates: all,
    /** What the last load skipped, renamed or could not read. */
    ownTemplatesReport: report as ReadonlySignal<OwnTemplatesReport>,
    loadOwnTemplates: load,

    /**
     * Stores `template` as an own template. Refused: an invalid template, an id a built-in
     * template has, or the id of another own template unless `replacing` is that id.
     */
    async saveOwnTemplate(
      template: Template,
      options: SaveOptions = {},
    ): Promise<Result<Template, OwnTemplateRefusal>> {
      const saved = await save(template, options);
      if (saved.ok) toast.value = { kind: 'template-saved', name: nameOf(saved.value) };
      return saved;
    },

    /** Removes an own template. Sessions started from it keep their phases (they are copies). */
    async deleteOwnTemplate(id: string): Promise<Result<void, OwnTemplateRefusal>> {
      const existing = own.peek().find((template) => template.id === id);
      const updated = await update((templates) =>
        templates.some((t) => t.id === id)
          ? ok(templates.filter((t) => t.id !== id))
          : err({ reason: 'not-found', id }),
      );
      if (!updated.ok) return updated;
      if (existing) toast.value = { kind: 'template-deleted', name: nameOf(existing) };
      return ok(undefined);
    },

    /**
     * Reads a picked file's bytes. Stores it only when its id is free; a taken id (built-in or
     * own) is a conflict for the person to resolve, never a silent replacement.
     */
    async importTemplate(bytes: Uint8Array): Promise<ImportOutcome> {
      const parsed = parseTemplateBytes(bytes);
      if (!parsed.ok) return { kind: 'invalid', problems: parsed.error };
      const incoming = parsed.value;
      const builtIn = builtInTemplates.find((template) => template.id === incoming.id);
      if (builtIn) return { kind: 'conflict', incoming, existing: builtIn, builtIn: true };
      // The store is read again inside save(): a template saved meanwhile is a conflict too.
      const saved = await save(incoming, {});
      if (saved.ok) {
        toast.value = { kind: 'template-imported', name: nameOf(saved.value) };
        return { kind: 'imported', template: saved.value };
      }
      if (saved.error.reason === 'id-taken') {
        // Taken by a template this list may not show yet (saved in another panel meanwhile).
        const existing = (await refresh()).find((template) => template.id === incoming.id);
        if (existing) return { kind: 'conflict', incoming, existing, builtIn: false };
      }
      if (saved.error.reason === 'newer-store' || saved.error.reason === 'storage-failed') {
        return { kind: 'refused', refusal: saved.error };
      }
      // Not reachable: the file was valid and its id neither built-in nor taken.
      return { kind: 'refused', refusal: { reason: 'storage-failed', detail: saved.error.reason } };
    },

    /**
     * The person's answer to a conflict. 'replace' overwrites the own template with that id
     * (refused for a built-in one); 'keep-both' stores the import under a free id such as
     * `<id>-2`, with its name unchanged.
     */
    async resolveImport(
      incoming: Template,
      choice: ImportChoice,
    ): Promise<Result<Template, OwnTemplateRefusal>> {
      let saved: Result<Template, OwnTemplateRefusal>;
      if (choice === 'replace') {
        saved = await save(incoming, { replacing: incoming.id });
      } else {
        const taken = new Set([...BUILT_IN_IDS, ...own.peek().map((template) => template.id)]);
        const id = uniqueTemplateId(incoming.id, taken);
        saved = await save({ ...incoming, id }, {});
      }
      if (saved.ok) toast.value = { kind: 'template-imported', name: nameOf(saved.value) };
      return saved;
    },

    /** Offers the template as `<id>.json` in the documented format. */
    exportTemplate(template: Template): void {
      const file = templateFileName(template);
      platform.download(file, serializeTemplate(template), 'application/json');
      toast.value = { kind: 'template-exported', file };
    },
  };
}

export type OwnTemplates = ReturnType<typeof createOwnTemplates>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
