import type { Locale } from '../locale';
import { ITEM_KINDS, type ItemKind, type ItemSnapshot, type ThemeSnapshot } from '../session/types';
import type { HarvestLabels } from './labels';
import { dateText, groupBy, inline, textLines } from './text';
import { rankedByVotes, totalVotes, votesOf } from './voting';

/** What every part of the rendering needs to know besides the text it renders. */
export interface RenderContext {
  readonly locale: Locale;
  readonly labels: HarvestLabels;
}

/** What a phase adds to its items: its themes (in snapshot order) and the kinds it voted on. */
export interface PhaseGrouping {
  readonly themes: readonly ThemeSnapshot[];
  /** Kinds whose items are ranked and show their vote count. */
  readonly counted: ReadonlySet<ItemKind>;
}

/** Items of a removed phase: their themes and votes went with it. */
export const UNGROUPED: PhaseGrouping = { themes: [], counted: new Set() };

/**
 * One H3 per kind that has items, in ITEM_KINDS order, each with a bulleted list. A phase with
 * themes splits its insights into one H4 per theme (even an empty one: the name is harvest
 * too), then those in no theme. Every item appears exactly once.
 */
export function kindSections(
  items: readonly ItemSnapshot[],
  grouping: PhaseGrouping,
  context: RenderContext,
): string[] {
  const { labels } = context;
  return ITEM_KINDS.flatMap((kind) => {
    const group = items.filter((item) => item.kind === kind);
    const counted = grouping.counted.has(kind);
    if (kind === 'insight' && grouping.themes.length > 0) {
      return [themedSection(group, grouping.themes, counted, context)];
    }
    if (group.length === 0) return [];
    return [`### ${labels.kinds[kind]}\n\n${list(group, counted, context)}`];
  });
}

function themedSection(
  insights: readonly ItemSnapshot[],
  themes: readonly ThemeSnapshot[],
  counted: boolean,
  context: RenderContext,
): string {
  const { labels } = context;
  const byTheme = groupBy(insights, (item) => item.themeId);
  const blocks = [`### ${labels.kinds.insight}`];
  const shown = new Set<string>();
  for (const theme of themes) {
    // A theme id twice would list its insights twice; the snapshot never does, but be sure.
    if (shown.has(theme.id)) continue;
    shown.add(theme.id);
    const members = byTheme.get(theme.id) ?? [];
    const total = counted ? ` — ${labels.votes(totalVotes(members))}` : '';
    blocks.push(`#### ${inline(theme.name) || labels.untitledTheme}${total}`);
    blocks.push(members.length > 0 ? list(members, counted, context) : `_${labels.emptyTheme}_`);
  }
  // '' and any id that names no theme of this phase: such an insight must not get lost.
  const loose = insights.filter((item) => !shown.has(item.themeId));
  if (loose.length > 0) blocks.push(`#### ${labels.notInTheme}`, list(loose, counted, context));
  return blocks.join('\n\n');
}

/** The items as a bulleted list; ranked by votes, each with its count, when they were voted on. */
function list(items: readonly ItemSnapshot[], counted: boolean, context: RenderContext): string {
  const ordered = counted ? rankedByVotes(items) : items;
  return ordered.map((item) => listItem(item, counted, context)).join('\n');
}

/** `- text`, continuation lines indented under the marker, details on the last line. */
function listItem(item: ItemSnapshot, counted: boolean, context: RenderContext): string {
  const { labels } = context;
  const text = textLines(item.text);
  if (text.length === 0) text.push(`_${labels.noText}_`);
  const details = item.kind === 'action' ? actionDetails(item, context) : [];
  if (counted) details.push(labels.votes(votesOf(item)));
  // Only what is settled is marked; an open question or action reads as it always did.
  if (item.done && item.kind === 'question') details.push(labels.answered);
  if (item.done && item.kind === 'action') details.push(labels.done);
  const last = text.length - 1;
  if (details.length > 0) text[last] = `${text[last]} — ${details.join(' · ')}`;
  return text.map((line, index) => `${index === 0 ? '- ' : '  '}${line}`).join('\n');
}

/** ["who: Fatima", "due: 1 December 2026"], leaving out what is not set. */
function actionDetails(item: ItemSnapshot, context: RenderContext): string[] {
  const { labels, locale } = context;
  const details: string[] = [];
  const owner = inline(item.owner);
  if (owner !== '') details.push(`${labels.who}: ${owner}`);
  const due = dateText(item.due, locale);
  if (due !== '') details.push(`${labels.due}: ${due}`);
  return details;
}
