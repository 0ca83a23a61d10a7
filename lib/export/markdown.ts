import { isLocale, LOCALES } from '../locale';
import type { ItemSnapshot, PhaseSnapshot, SessionSnapshot, ThemeSnapshot } from '../session/types';
import { kindSections, type RenderContext, UNGROUPED } from './items';
import { HARVEST_LABELS, type HarvestLabels } from './labels';
import { dateText, groupBy, inline, textLines } from './text';
import { countedKinds, votingLine } from './voting';

export interface HarvestOptions {
  /** How many people took part, when the caller knows; the line is left out otherwise. */
  readonly participants?: number;
}

/**
 * The harvest (oogst) of a session as CommonMark, to paste into a report. A pure function of
 * the snapshot: labels and dates follow the session's locale, never the reader's, so every peer
 * exports the same bytes. Facilitator notes are not exported. Every item appears exactly once:
 * items of a removed phase go to a last "Other" section. Themes and votes: see items.ts and
 * voting.ts.
 */
export function harvestMarkdown(snapshot: SessionSnapshot, options: HarvestOptions = {}): string {
  // A newer peer may have written a locale we do not speak; fall back rather than crash.
  const locale = isLocale(snapshot.locale) ? snapshot.locale : LOCALES[0];
  const context: RenderContext = { locale, labels: HARVEST_LABELS[locale] };
  const { labels } = context;
  const itemsByPhase = groupBy(snapshot.items, (item) => item.phaseId);
  const themesByPhase = groupBy(snapshot.themes, (theme) => theme.phaseId);
  const phaseIds = new Set(snapshot.phases.map((phase) => phase.id));
  const orphans = snapshot.items.filter((item) => !phaseIds.has(item.phaseId));

  const blocks = [
    `# ${inline(snapshot.title) || labels.untitled}`,
    metaList(snapshot, options, context),
    ...snapshot.phases.map((phase, index) =>
      phaseSection(
        phase,
        index,
        itemsByPhase.get(phase.id) ?? [],
        themesByPhase.get(phase.id) ?? [],
        context,
      ),
    ),
  ];
  if (orphans.length > 0) {
    blocks.push(
      `## ${labels.other}`,
      `_${labels.otherNote}_`,
      ...kindSections(orphans, UNGROUPED, context),
    );
  }
  blocks.push('---', `_${labels.footer}_`);
  return `${blocks.join('\n\n')}\n`;
}

function metaList(
  snapshot: SessionSnapshot,
  options: HarvestOptions,
  context: RenderContext,
): string {
  const { labels, locale } = context;
  const lines: string[] = [];
  const method = inline(snapshot.template.name);
  if (method !== '') lines.push(`${labels.method}: ${method}`);
  // An empty slot is not harvest: the line appears once the question is written.
  const question = inline(snapshot.learningQuestion ?? '');
  if (question !== '') lines.push(`${labels.learningQuestion}: ${question}`);
  const date = dateText(snapshot.createdAt, locale);
  if (date !== '') lines.push(`${labels.date}: ${date}`);
  const source = continuesText(snapshot, context);
  if (source !== null) lines.push(`${labels.continues}: ${source}`);
  lines.push(`${labels.status}: ${statusText(snapshot, labels)}`);
  const { participants } = options;
  if (participants !== undefined && Number.isSafeInteger(participants) && participants >= 0) {
    lines.push(`${labels.participants}: ${participants}`);
  }
  return lines.map((line) => `- ${line}`).join('\n');
}

/** "Lab 1 (3 March 2026)": the earlier session, so a series can be read back in order. */
function continuesText(snapshot: SessionSnapshot, context: RenderContext): string | null {
  const { continuesFrom } = snapshot;
  if (continuesFrom === null) return null;
  const title = inline(continuesFrom.title) || context.labels.untitled;
  const date = dateText(continuesFrom.createdAt, context.locale);
  return date === '' ? title : `${title} (${date})`;
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
  themes: readonly ThemeSnapshot[],
  context: RenderContext,
): string {
  const { labels } = context;
  const title = inline(phase.title);
  const number = index + 1;
  const blocks = [title === '' ? `## ${labels.phase(number)}` : `## ${number}. ${title}`];
  const prompt = textLines(phase.prompt);
  if (prompt.length > 0) blocks.push(prompt.map((line) => `> ${line}`).join('\n'));
  const voting = votingLine(phase, labels);
  if (voting !== null) blocks.push(`_${voting}_`);
  if (items.length === 0 && themes.length === 0) blocks.push(`_${labels.nothingHarvested}_`);
  blocks.push(...kindSections(items, { themes, counted: countedKinds(phase) }, context));
  return blocks.join('\n\n');
}
