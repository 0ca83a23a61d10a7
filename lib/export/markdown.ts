import { isLocale, LOCALES, type Locale } from '../locale';
import {
  ITEM_KINDS,
  type ItemSnapshot,
  type PhaseSnapshot,
  type SessionSnapshot,
} from '../session/types';
import { formatLongDate, utcDayOf } from './date';
import { escapeMarkdownInline, escapeMarkdownLines, normalizeUserText } from './escape';
import { HARVEST_LABELS, type HarvestLabels } from './labels';

export interface HarvestOptions {
  /** How many people took part, when the caller knows; the line is left out otherwise. */
  readonly participants?: number;
}

/** What every part of the rendering needs to know besides the text it renders. */
interface Context {
  readonly locale: Locale;
  readonly labels: HarvestLabels;
}

/**
 * The harvest (oogst) of a session as CommonMark, to paste into a report. A pure function of
 * the snapshot: labels and dates follow the session's locale, never the reader's, so every peer
 * exports the same bytes. Facilitator notes are not exported. Every item appears exactly once:
 * items of a removed phase go to a last "Other" section.
 */
export function harvestMarkdown(snapshot: SessionSnapshot, options: HarvestOptions = {}): string {
  // A newer peer may have written a locale we do not speak; fall back rather than crash.
  const locale = isLocale(snapshot.locale) ? snapshot.locale : LOCALES[0];
  const context: Context = { locale, labels: HARVEST_LABELS[locale] };
  const { labels } = context;
  const itemsByPhase = groupBy(snapshot.items, (item) => item.phaseId);
  const phaseIds = new Set(snapshot.phases.map((phase) => phase.id));
  const orphans = snapshot.items.filter((item) => !phaseIds.has(item.phaseId));

  const blocks = [
    `# ${inline(snapshot.title) || labels.untitled}`,
    metaList(snapshot, options, context),
    ...snapshot.phases.map((phase, index) =>
      phaseSection(phase, index, itemsByPhase.get(phase.id) ?? [], context),
    ),
  ];
  if (orphans.length > 0) {
    blocks.push(`## ${labels.other}`, `_${labels.otherNote}_`, ...kindSections(orphans, context));
  }
  blocks.push('---', `_${labels.footer}_`);
  return `${blocks.join('\n\n')}\n`;
}

function metaList(snapshot: SessionSnapshot, options: HarvestOptions, context: Context): string {
  const { labels, locale } = context;
  const lines: string[] = [];
  const method = inline(snapshot.template.name);
  if (method !== '') lines.push(`${labels.method}: ${method}`);
  const date = dateText(snapshot.createdAt, locale);
  if (date !== '') lines.push(`${labels.date}: ${date}`);
  lines.push(`${labels.status}: ${statusText(snapshot, labels)}`);
  const { participants } = options;
  if (participants !== undefined && Number.isSafeInteger(participants) && participants >= 0) {
    lines.push(`${labels.participants}: ${participants}`);
  }
  return lines.map((line) => `- ${line}`).join('\n');
}

function statusText(snapshot: SessionSnapshot, labels: HarvestLabels): string {
  if (snapshot.status !== 'ended') return labels.running;
  // Ended before the last phase was reached: the reader should know later phases are missing.
  const current = snapshot.phases.findIndex((phase) => phase.id === snapshot.currentPhaseId);
  const count = snapshot.phases.length;
  return current >= 0 && current < count - 1
    ? labels.endedEarly(current + 1, count)
    : labels.completed;
}

function phaseSection(
  phase: PhaseSnapshot,
  index: number,
  items: readonly ItemSnapshot[],
  context: Context,
): string {
  const { labels } = context;
  const title = inline(phase.title);
  const number = index + 1;
  const blocks = [title === '' ? `## ${labels.phase(number)}` : `## ${number}. ${title}`];
  const prompt = textLines(phase.prompt);
  if (prompt.length > 0) blocks.push(prompt.map((line) => `> ${line}`).join('\n'));
  if (items.length === 0) blocks.push(`_${labels.nothingHarvested}_`);
  blocks.push(...kindSections(items, context));
  return blocks.join('\n\n');
}

/** One H3 with a bulleted list per kind that has items, in ITEM_KINDS order. */
function kindSections(items: readonly ItemSnapshot[], context: Context): string[] {
  const { labels } = context;
  return ITEM_KINDS.flatMap((kind) => {
    const group = items.filter((item) => item.kind === kind);
    if (group.length === 0) return [];
    const list = group.map((item) => listItem(item, context)).join('\n');
    return [`### ${labels.kinds[kind]}\n\n${list}`];
  });
}

/** `- text`, continuation lines indented under the marker, action details on the last line. */
function listItem(item: ItemSnapshot, context: Context): string {
  const text = textLines(item.text);
  if (text.length === 0) text.push(`_${context.labels.noText}_`);
  const last = text.length - 1;
  if (item.kind === 'action') text[last] = `${text[last]}${actionDetails(item, context)}`;
  return text.map((line, index) => `${index === 0 ? '- ' : '  '}${line}`).join('\n');
}

/** " — who: Fatima · due: 1 December 2026", or '' when neither is set. */
function actionDetails(item: ItemSnapshot, context: Context): string {
  const { labels, locale } = context;
  const details: string[] = [];
  const owner = inline(item.owner);
  if (owner !== '') details.push(`${labels.who}: ${owner}`);
  const due = dateText(item.due, locale);
  if (due !== '') details.push(`${labels.due}: ${due}`);
  return details.length > 0 ? ` — ${details.join(' · ')}` : '';
}

/** A long date in the session's language; text that is no date is kept as it was typed. */
function dateText(iso: string, locale: Locale): string {
  const day = utcDayOf(iso);
  return day === null ? inline(iso) : formatLongDate(day, locale);
}

/** User text for a one-line spot (heading, label value): line breaks become spaces, trimmed. */
function inline(text: string): string {
  return escapeMarkdownInline(normalizeUserText(text).replaceAll('\n', ' ').trim());
}

/**
 * User text for a multi-line spot (item, prompt). Whitespace at the ends of the text and of each
 * line is invisible once rendered and would only clutter the raw Markdown with `&#32;`, so it
 * goes; every other character stays.
 */
function textLines(text: string): string[] {
  return escapeMarkdownLines(
    normalizeUserText(text)
      .replace(/[^\S\n]+$/gmu, '')
      .trim(),
  );
}

function groupBy<T, K>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group === undefined) groups.set(key(value), [value]);
    else group.push(value);
  }
  return groups;
}
