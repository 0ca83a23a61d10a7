import { describe, expect, it } from 'vitest';
import {
  type Capability,
  capabilities,
  endSession,
  guard,
  type Role,
  reopenSession,
  SCHEMA_VERSION,
  type SessionContext,
  type SessionStatus,
  type ThemePolicy,
  withRole,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk } from '../helpers/session';
import { guardFixture, REOPEN, stateOf, WRITE_OPS } from '../helpers/write-ops';

/** Issue 11, item 8: one capabilities() decides, one write guard in the core enforces it. */

const ITEM_WORK: Capability[] = ['add-item', 'edit-item', 'delete-item', 'vote'];
const LEADING: Capability[] = [
  'set-title',
  'step-phase',
  'edit-phases',
  'timer',
  'end-session',
  'reveal',
  'manage-voting',
];
const THEMING: Capability[] = ['edit-themes', 'move-to-theme'];

const sorted = (set: ReadonlySet<Capability>) => [...set].sort();

describe('capabilities()', () => {
  const running: [Role, ThemePolicy | undefined, Capability[]][] = [
    ['facilitator', undefined, [...ITEM_WORK, ...LEADING]],
    ['facilitator', 'off', [...ITEM_WORK, ...LEADING]],
    ['facilitator', 'anyone', [...ITEM_WORK, ...LEADING, ...THEMING]],
    ['facilitator', 'facilitator', [...ITEM_WORK, ...LEADING, ...THEMING]],
    ['participant', undefined, ITEM_WORK],
    ['participant', 'off', ITEM_WORK],
    ['participant', 'anyone', [...ITEM_WORK, ...THEMING]],
    ['participant', 'facilitator', ITEM_WORK],
  ];

  it.each(running)('a running session: %s, themes %s', (role, themes, expected) => {
    const allowed = capabilities({ role, status: 'running', readOnly: false, themes });
    expect(sorted(allowed)).toEqual([...expected].sort());
  });

  const policies: (ThemePolicy | undefined)[] = [undefined, 'off', 'anyone', 'facilitator'];

  it.each(policies)('an ended session: only the facilitator may reopen (themes %s)', (themes) => {
    expect(
      sorted(capabilities({ role: 'facilitator', status: 'ended', readOnly: false, themes })),
    ).toEqual(['reopen-session']);
    expect(
      sorted(capabilities({ role: 'participant', status: 'ended', readOnly: false, themes })),
    ).toEqual([]);
  });

  it('a read-only session (a newer minimum reader version): nothing, for anyone', () => {
    for (const role of ['facilitator', 'participant'] as const) {
      for (const status of ['running', 'ended'] as SessionStatus[]) {
        for (const themes of policies) {
          expect(sorted(capabilities({ role, status, readOnly: true, themes }))).toEqual([]);
        }
      }
    }
  });
});

describe('the write guard', () => {
  const facilitator = fixedContext('f');
  const participant: SessionContext = withRole(fixedContext('p'), 'participant');

  it('lets the facilitator do every operation in a running session', () => {
    for (const [name, run] of [...WRITE_OPS]) {
      const fixture = guardFixture();
      const result = run(fixture, facilitator);
      expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it('refuses every write after the end, with session-ended, and changes nothing', () => {
    for (const [name, run] of WRITE_OPS) {
      if (name === 'endSession') continue; // ending twice is a no-op, tested below
      const fixture = guardFixture();
      expectOk(endSession(fixture.doc, facilitator));
      const before = stateOf(fixture);
      for (const context of [facilitator, participant]) {
        expect(run(fixture, context), name).toEqual({
          ok: false,
          error: { code: 'session-ended' },
        });
      }
      expect(stateOf(fixture), name).toBe(before);
    }
  });

  it('phase, timer and title writes after the end are refused; reopening allows them', () => {
    const fixture = guardFixture();
    expectOk(endSession(fixture.doc, facilitator));
    expect(endSession(fixture.doc, facilitator)).toEqual({ ok: true, value: undefined });
    const names = ['goToPhase', 'stepPhase', 'startTimer', 'pauseTimer', 'clearTimer', 'setTitle'];
    const ops = WRITE_OPS.filter(([name]) => names.includes(name));
    expect(ops).toHaveLength(names.length);
    for (const [name, run] of ops) {
      expect(run(fixture, facilitator), name).toEqual({
        ok: false,
        error: { code: 'session-ended' },
      });
    }
    expect(guard(fixture.doc, 'reopen-session', participant)).toEqual({
      code: 'not-allowed',
      action: 'reopen-session',
    });
    expect(REOPEN[1](fixture, participant)).toEqual({
      ok: false,
      error: { code: 'not-allowed', action: 'reopen-session' },
    });
    expectOk(REOPEN[1](fixture, facilitator));
    for (const [name, run] of ops) expect(run(fixture, facilitator).ok, name).toBe(true);
  });

  it('refuses a participant what only the facilitator may do, naming the capability', () => {
    const leading: [string, Capability][] = [
      ['setTitle', 'set-title'],
      ['setLearningQuestion', 'set-title'],
      ['goToPhase', 'step-phase'],
      ['stepPhase', 'step-phase'],
      ['updatePhase', 'edit-phases'],
      ['addPhase', 'edit-phases'],
      ['removePhase', 'edit-phases'],
      ['movePhase', 'edit-phases'],
      ['startTimer', 'timer'],
      ['pauseTimer', 'timer'],
      ['clearTimer', 'timer'],
      ['endSession', 'end-session'],
      ['revealPhase', 'reveal'],
      ['startVoting', 'manage-voting'],
      ['closeVoting', 'manage-voting'],
      ['setShowLive', 'manage-voting'],
    ];
    for (const [name, action] of leading) {
      const fixture = guardFixture();
      const op = WRITE_OPS.find(([candidate]) => candidate === name);
      if (!op) throw new Error(`no write op ${name}`);
      const before = stateOf(fixture);
      expect(op[1](fixture, participant), name).toEqual({
        ok: false,
        error: { code: 'not-allowed', action },
      });
      expect(stateOf(fixture), name).toBe(before);
    }
  });

  it('lets a participant contribute, vote and share drafts', () => {
    const allowed = [
      'addItem',
      'editItemText',
      'replaceItemText',
      'deleteItem',
      'updateAction',
      // Ticking off your own action is the point of marking it done.
      'setItemDone',
      'addVote',
      'removeVote',
      'addDraft',
      'shareDrafts',
      // The fixture's theme is in a phase where anyone may handle themes.
      'addTheme',
      'renameTheme',
      'editThemeName',
      'deleteTheme',
      'setItemTheme',
    ];
    for (const [name, run] of WRITE_OPS.filter(([name]) => allowed.includes(name))) {
      const result = run(guardFixture(), participant);
      expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);
    }
  });

  it('applies the phase theme policy: facilitator-only themes, and none when off', () => {
    const { doc } = guardFixture();
    expect(guard(doc, 'edit-themes', participant, 'lead')).toEqual({
      code: 'not-allowed',
      action: 'edit-themes',
    });
    expect(guard(doc, 'move-to-theme', participant, 'lead')).toEqual({
      code: 'not-allowed',
      action: 'move-to-theme',
    });
    expect(guard(doc, 'edit-themes', facilitator, 'lead')).toBeNull();
    expect(guard(doc, 'edit-themes', participant, 'group')).toBeNull();
    // 'alone' has themes off: no theme controls, for anyone.
    expect(guard(doc, 'edit-themes', facilitator, 'alone')).toEqual({
      code: 'not-allowed',
      action: 'edit-themes',
    });
    // A phase that does not exist has no policy, so no themes.
    expect(guard(doc, 'move-to-theme', facilitator, 'gone')).toEqual({
      code: 'not-allowed',
      action: 'move-to-theme',
    });
  });

  it('defaults to the facilitator role when a context names none', () => {
    const { doc } = guardFixture();
    expect(guard(doc, 'step-phase', fixedContext())).toBeNull();
    expect(guard(doc, 'step-phase')).toBeNull();
  });

  it('refuses every write to a document with a newer minimum reader version', () => {
    for (const [name, run] of [...WRITE_OPS, REOPEN]) {
      for (const status of ['running', 'ended']) {
        const fixture = guardFixture();
        fixture.doc.getMap('meta').set('status', status);
        fixture.doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
        const before = stateOf(fixture);
        for (const context of [facilitator, participant]) {
          expect(run(fixture, context), `${name} (${status})`).toEqual({
            ok: false,
            error: { code: 'newer-schema', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION },
          });
        }
        expect(stateOf(fixture), name).toBe(before);
      }
    }
  });

  it('end and reopen of a newer document report the schema, not the status', () => {
    const fixture = guardFixture();
    expectOk(endSession(fixture.doc, facilitator));
    fixture.doc.getMap('meta').set('schemaVersion', 99);
    expect(reopenSession(fixture.doc, facilitator)).toEqual({
      ok: false,
      error: { code: 'newer-schema', found: 99, supported: SCHEMA_VERSION },
    });
    expect(endSession(fixture.doc, facilitator)).toEqual({
      ok: false,
      error: { code: 'newer-schema', found: 99, supported: SCHEMA_VERSION },
    });
  });
});
