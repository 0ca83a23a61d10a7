import * as Y from 'yjs';
import {
  addItem,
  addTheme,
  addVote,
  createSession,
  goToPhase,
  type SessionContext,
  setItemTheme,
  startVoting,
  updatePhase,
} from '../lib/session';
import { findTemplate } from '../lib/templates';

/**
 * Sessions for the facilitation benchmarks (issue 11), built in Node with Kring's own session
 * operations, as a facilitator's device would hold them after a long meeting: the Lessons-learned
 * template's "Sustain and improve" phase (insights, three dots each) is the phase on screen,
 * with its themes, its insights sorted into them and the voters' dots.
 */
export const VOTING_PHASE = 'sustain-improve';

/** A deterministic clock and id source, so every run builds the same document. */
export function benchContext(prefix: string): SessionContext {
  let tick = 0;
  let counter = 0;
  const start = Date.UTC(2026, 10, 25, 9, 0, 0);
  return {
    now: () => new Date(start + 1000 * tick++),
    newId: () => `${prefix}${String(counter++).padStart(5, '0')}`,
  };
}

/** A small seeded PRNG (mulberry32): the same dots on the same items in every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A voter key as devices make them: nanoid's alphabet, 16 characters. */
export function voterKeyFor(name: string, index: number): string {
  return `${name}${String(index).padStart(16 - name.length, '0')}`.slice(0, 16);
}

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`bench setup: ${what}: ${JSON.stringify(result.error)}`);
  return result.value;
}

export interface SessionShape {
  readonly items: number;
  /** Characters of each item's text. */
  readonly chars: number;
  /** 0: no themes, and the phase does not use them. */
  readonly themes: number;
  /** Voters casting `budget` dots each on random items; 0: voting never started. */
  readonly voters: number;
  readonly budget: number;
  readonly seed?: number;
}

export interface BuiltSession {
  readonly doc: Y.Doc;
  readonly itemIds: readonly string[];
  readonly themeIds: readonly string[];
}

/**
 * A session holding `shape.items` insights in the voting phase. With themes, four of five
 * insights are in one (round robin), the rest in none; with voters, voting is open with the
 * totals shown live, so the screens rank by dots (the costliest view) and more dots can come.
 */
export function buildSession(shape: SessionShape): BuiltSession {
  const template = findTemplate('lessons-learned');
  if (!template) throw new Error('bench setup: no Lessons-learned template');
  const context = benchContext('i');
  const doc = new Y.Doc();
  ok(createSession(doc, { template, locale: 'en', title: 'Facilitation bench' }, context), 'start');
  ok(goToPhase(doc, VOTING_PHASE, context), 'go to the voting phase');
  if (shape.themes > 0) {
    ok(updatePhase(doc, VOTING_PHASE, { themes: 'anyone' }, context), 'themes on');
  }
  const itemIds: string[] = [];
  const themeIds: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < shape.items; i++) {
      const prefix = `${i % 2 === 0 ? 'Keep' : 'Improve'}: insight ${i + 1} `;
      const text = prefix.padEnd(shape.chars, 'we agreed on roles early and kept to them ');
      itemIds.push(
        ok(addItem(doc, { kind: 'insight', phaseId: VOTING_PHASE, text }, context), 'item'),
      );
    }
    for (let t = 0; t < shape.themes; t++) {
      themeIds.push(ok(addTheme(doc, VOTING_PHASE, `Theme ${t + 1}`, context), 'theme'));
    }
    if (themeIds.length > 0) {
      itemIds.forEach((id, index) => {
        if (index % 5 === 4) return;
        const themeId = themeIds[index % themeIds.length] as string;
        ok(setItemTheme(doc, id, themeId, context), 'move to theme');
      });
    }
  });
  if (shape.voters > 0) {
    ok(
      startVoting(doc, VOTING_PHASE, { budget: shape.budget, showLive: true }, context),
      'start voting',
    );
    const random = seededRandom(shape.seed ?? 11);
    for (let v = 0; v < shape.voters; v++) {
      const voter = voterKeyFor('voter', v);
      for (let dot = 0; dot < shape.budget; dot++) {
        const itemId = itemIds[Math.floor(random() * itemIds.length)] as string;
        // A dot refused for the per-item maximum is just not cast, as a person would stop.
        addVote(doc, itemId, voter, context);
      }
    }
  }
  return { doc, itemIds, themeIds };
}
