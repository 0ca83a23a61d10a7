import type {
  ItemKind,
  ItemSnapshot,
  PhaseSnapshot,
  SessionSnapshot,
  ThemeSnapshot,
} from '../session';

/** Insights of one theme, or those in none (`theme` null), as the screens group them. */
export interface ThemeGroup {
  readonly theme: ThemeSnapshot | null;
  readonly items: readonly ItemSnapshot[];
  /** Sum of the items' votes (0 where nobody voted). */
  readonly votes: number;
}

/** A phase with its items grouped by kind: what the session screen and the room view show. */
export interface PhaseView {
  readonly phase: PhaseSnapshot;
  /** 0-based position among the phases. */
  readonly index: number;
  readonly total: number;
  /** Whether this is the phase the group is in (not one looked back at). */
  readonly isCurrent: boolean;
  /**
   * Items under each kind the phase collects: oldest first, or, where vote results are shown,
   * most votes first (ties oldest first).
   */
  readonly itemsByKind: ReadonlyMap<ItemKind, readonly ItemSnapshot[]>;
  /** The phase's themes in their order. */
  readonly themes: readonly ThemeSnapshot[];
  /**
   * The insights by theme (themes in order, then the insights in none) when the phase has
   * themes or lets people make them; null otherwise.
   */
  readonly themeGroups: readonly ThemeGroup[] | null;
  /**
   * Whether vote counts are shown: after the facilitator closed voting, or while it is open
   * with "show live". Until then nobody sees totals, so the first dots do not steer the rest.
   */
  readonly showVotes: boolean;
}

/**
 * The view of phase `phaseId` (the first phase if it no longer exists), its items in snapshot
 * order (oldest first) under each kind the phase collects; null for a session without phases.
 */
export function phaseViewOf(session: SessionSnapshot, phaseId: string): PhaseView | null {
  let index = session.phases.findIndex((p) => p.id === phaseId);
  if (index < 0) index = 0;
  const phase = session.phases[index];
  if (!phase) return null;
  const { voting } = phase;
  const showVotes = voting.status === 'closed' || (voting.status === 'open' && voting.showLive);
  const itemsByKind = new Map<ItemKind, ItemSnapshot[]>(phase.kinds.map((kind) => [kind, []]));
  for (const item of session.items) {
    if (item.phaseId === phase.id) itemsByKind.get(item.kind)?.push(item);
  }
  if (showVotes) {
    for (const kind of voting.kinds) itemsByKind.get(kind)?.sort(byVotes);
  }
  const themes = session.themes.filter((theme) => theme.phaseId === phase.id);
  const insights = itemsByKind.get('insight');
  const themeGroups =
    insights && (themes.length > 0 || phase.themes !== 'off')
      ? groupByTheme(insights, themes)
      : null;
  return {
    phase,
    index,
    total: session.phases.length,
    isCurrent: phase.id === session.currentPhaseId,
    itemsByKind,
    themes,
    themeGroups,
    showVotes,
  };
}

/** Most votes first; `Array.prototype.sort` is stable, so ties keep their oldest-first order. */
function byVotes(a: ItemSnapshot, b: ItemSnapshot): number {
  return b.votes - a.votes;
}

function groupByTheme(
  insights: readonly ItemSnapshot[],
  themes: readonly ThemeSnapshot[],
): ThemeGroup[] {
  const byTheme = new Map<string, ItemSnapshot[]>(themes.map((theme) => [theme.id, []]));
  const loose: ItemSnapshot[] = [];
  for (const item of insights) {
    const group = item.themeId === '' ? undefined : byTheme.get(item.themeId);
    if (group) group.push(item);
    else loose.push(item);
  }
  const total = (items: readonly ItemSnapshot[]) => items.reduce((sum, i) => sum + i.votes, 0);
  return [
    ...themes.map((theme) => {
      const items = byTheme.get(theme.id) ?? [];
      return { theme, items, votes: total(items) };
    }),
    { theme: null, items: loose, votes: total(loose) },
  ];
}
