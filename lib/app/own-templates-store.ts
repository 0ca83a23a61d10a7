import type { KeyValueStore } from '../platform/types';
import { err, ok, type Result } from '../result';
import { uniqueTemplateId } from '../templates/file';
import type { TemplateProblem } from '../templates/problems';
import type { Template } from '../templates/types';
import { parseTemplate } from '../templates/validate';

/**
 * The facilitator's own templates on this device, under one key:
 * `{ version: 1, templates: Template[] }`. What is stored was written by this code, but also
 * by older or newer versions of it, by hand in the browser's devtools, or half by a crash: so
 * every entry is checked again on load, and what does not pass is skipped, reported, and kept
 * in the store as it was (never deleted without the person knowing).
 */
export const TEMPLATES_KEY = 'kring.templates';
/** Where a stored value that is not our format at all is moved before the key is written. */
export const UNREADABLE_TEMPLATES_KEY = 'kring.templates.unreadable';

const STORE_VERSION = 1;

/** A stored entry the validator refused. It stays in the store, after the valid ones. */
export interface SkippedTemplate {
  /** Its position in the stored list. */
  readonly index: number;
  /** The id it claims, when it has a text one: to name it to the person. */
  readonly id: string | null;
  readonly problems: readonly TemplateProblem[];
}

/** What loading found besides the templates themselves. */
export interface OwnTemplatesReport {
  readonly skipped: readonly SkippedTemplate[];
  /**
   * 'newer': written by a newer Kring (a higher store version): read nothing, write nothing.
   * 'foreign': not this format at all; moved to UNREADABLE_TEMPLATES_KEY on the next save.
   */
  readonly unreadable: 'newer' | 'foreign' | null;
  /**
   * Own templates whose id a built-in template has (a later Kring shipped one with that id):
   * they are kept under a free id, `from` → `to`, so neither replaces the other.
   */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
}

export interface LoadedTemplates {
  readonly templates: readonly Template[];
  readonly report: OwnTemplatesReport;
  /** The refused entries as stored, written back unchanged with every save. */
  readonly kept: readonly unknown[];
  /** The raw value when `report.unreadable` is 'foreign'. */
  readonly foreign?: unknown;
}

export const NOTHING_TO_REPORT: OwnTemplatesReport = { skipped: [], unreadable: null, renamed: [] };

/**
 * Reads and re-validates the stored templates. Never throws and never writes: a failing store
 * reads as empty with the failure for the caller to show.
 */
export async function loadOwnTemplates(
  store: KeyValueStore,
  builtInIds: ReadonlySet<string>,
): Promise<LoadedTemplates> {
  const stored = await store.get<unknown>(TEMPLATES_KEY);
  if (stored === undefined) return { templates: [], report: NOTHING_TO_REPORT, kept: [] };
  if (!isRecord(stored) || stored.version !== STORE_VERSION || !Array.isArray(stored.templates)) {
    return unreadable(stored, isNewer(stored) ? 'newer' : 'foreign');
  }
  const templates: Template[] = [];
  const kept: unknown[] = [];
  const skipped: SkippedTemplate[] = [];
  const renamed: { from: string; to: string }[] = [];
  const taken = new Set(builtInIds);
  const claimedIds = stored.templates.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.id === 'string' ? [entry.id] : [],
  );
  stored.templates.forEach((entry: unknown, index) => {
    const parsed = parseTemplate(entry);
    const claimed = isRecord(entry) && typeof entry.id === 'string' ? entry.id : null;
    if (!parsed.ok) {
      skipped.push({ index, id: claimed, problems: parsed.error });
      kept.push(entry);
      return;
    }
    let template = parsed.value;
    if (taken.has(template.id) && !builtInIds.has(template.id)) {
      // Two own templates with one id: only a hand-edited store has them. Keep the first.
      skipped.push({ index, id: claimed, problems: [{ path: 'id', code: 'duplicate-id' }] });
      kept.push(entry);
      return;
    }
    if (builtInIds.has(template.id)) {
      // Free among the ids of every stored entry, so a later entry cannot collide with it.
      const to = uniqueTemplateId(template.id, new Set([...taken, ...claimedIds]));
      renamed.push({ from: template.id, to });
      template = Object.freeze({ ...template, id: to });
    }
    taken.add(template.id);
    templates.push(template);
  });
  return { templates, report: { skipped, unreadable: null, renamed }, kept };
}

/** Why a save, delete or import did not change the store. */
export type StoreRefusal =
  /** The stored value is a newer Kring's: writing would destroy what that version keeps. */
  | { readonly reason: 'newer-store' }
  | { readonly reason: 'storage-failed'; readonly detail: string };

/**
 * Re-reads the store, applies `change` to the valid templates, and writes them back with the
 * refused entries kept after them. Reading first means another panel's save in the meantime is
 * not lost. `change` may refuse (its error is returned and nothing is written).
 */
export async function updateOwnTemplates<E>(
  store: KeyValueStore,
  builtInIds: ReadonlySet<string>,
  change: (templates: readonly Template[]) => Result<readonly Template[], E>,
): Promise<Result<readonly Template[], E | StoreRefusal>> {
  try {
    const loaded = await loadOwnTemplates(store, builtInIds);
    if (loaded.report.unreadable === 'newer') return err({ reason: 'newer-store' });
    const changed = change(loaded.templates);
    if (!changed.ok) return changed;
    if (loaded.report.unreadable === 'foreign') {
      await store.set(UNREADABLE_TEMPLATES_KEY, loaded.foreign);
    }
    const value = { version: STORE_VERSION, templates: [...changed.value, ...loaded.kept] };
    await store.set(TEMPLATES_KEY, value);
    return ok(changed.value);
  } catch (error) {
    return err({ reason: 'storage-failed', detail: describe(error) });
  }
}

function unreadable(value: unknown, kind: 'newer' | 'foreign'): LoadedTemplates {
  return {
    templates: [],
    report: { skipped: [], unreadable: kind, renamed: [] },
    kept: [],
    ...(kind === 'foreign' && { foreign: value }),
  };
}

function isNewer(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.version === 'number' &&
    Number.isInteger(value.version) &&
    value.version > STORE_VERSION
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
