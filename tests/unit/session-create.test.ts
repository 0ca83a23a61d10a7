import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  addTheme,
  addVote,
  createSession,
  MIN_READER_VERSION,
  SCHEMA_VERSION,
  snapshotSession,
  startVoting,
  updatePhase,
} from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { expectOk, newSessionDoc, snap } from '../helpers/session';
import { testTemplate } from '../helpers/test-template';

describe('createSession', () => {
  it('copies the template phases in the session language and starts at the first phase', () => {
    const session = snap(newSessionDoc('nl'));
    // The minimum reader version: everything schema 2 adds is readable by Kring 1.
    expect(session.schemaVersion).toBe(MIN_READER_VERSION);
    expect(session.readOnly).toBeNull();
    expect(session.locale).toBe('nl');
    expect(session.title).toBe('Testsjabloon');
    expect(session.template).toEqual({ id: 'test-template', version: 3, name: 'Testsjabloon' });
    expect(session.status).toBe('running');
    expect(session.endedAt).toBeNull();
    expect(session.createdAt).toBe('2026-11-25T09:00:00.000Z');
    expect(session.currentPhaseId).toBe('open');
    expect(session.phases.map((p) => p.title)).toEqual(['Opening', 'Verkennen', 'Doen']);
    expect(session.phases[1]).toEqual({
      id: 'explore',
      title: 'Verkennen',
      prompt: 'Wat valt ons op?',
      kinds: ['question', 'insight'],
      minutes: 15,
      notes: '',
      privateWriting: false,
      review: false,
      revealedAt: null,
      themes: 'off',
      voting: {
        status: 'none',
        kinds: ['question', 'insight'],
        budget: 3,
        maxPerItem: 3,
        showLive: false,
      },
    });
    expect(session.items).toEqual([]);
    expect(session.themes).toEqual([]);
  });

  it('uses a given title, trimmed', () => {
    expect(snap(newSessionDoc('en', '  Buurtlab Noord  ')).title).toBe('Buurtlab Noord');
  });

  it('refuses a title over the limit and leaves the document empty', () => {
    const doc = new Y.Doc();
    const result = createSession(doc, {
      template: testTemplate,
      locale: 'en',
      title: 'x'.repeat(201),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'text-too-long', field: 'title', length: 201, limit: 200 },
    });
    expect(snapshotSession(doc)).toEqual({ ok: false, error: { code: 'not-a-session' } });
  });

  it('refuses to overwrite an existing session', () => {
    const doc = newSessionDoc();
    const again = createSession(doc, { template: testTemplate, locale: 'nl' }, fixedContext());
    expect(again).toEqual({ ok: false, error: { code: 'already-a-session' } });
    expect(snap(doc).locale).toBe('en');
  });

  it('does not change when the template object changes afterwards', () => {
    const template = structuredClone(testTemplate);
    const doc = new Y.Doc();
    createSession(doc, { template, locale: 'en' });
    (template.phases[0]?.title as { en: string }).en = 'Changed';
    expect(snap(doc).phases[0]?.title).toBe('Opening');
  });
});

describe('schema version', () => {
  it('refuses a document written by a newer Kring, with both versions', () => {
    const doc = newSessionDoc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
    expect(snapshotSession(doc)).toEqual({
      ok: false,
      error: { code: 'newer-schema', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION },
    });
  });

  it('says an empty document is not a session', () => {
    expect(snapshotSession(new Y.Doc())).toEqual({ ok: false, error: { code: 'not-a-session' } });
  });
});

describe('anonymity', () => {
  it('stores no author identity: only the documented fields exist', () => {
    const doc = newSessionDoc();
    const context = fixedContext('x');
    expectOk(updatePhase(doc, 'act', { themes: 'anyone' }));
    const insight = expectOk(addItem(doc, { kind: 'insight', phaseId: 'act', text: 'i' }, context));
    const action = expectOk(addItem(doc, { kind: 'action', phaseId: 'act', text: 'a' }, context));
    expectOk(addTheme(doc, 'act', 'Trust', context));
    expectOk(startVoting(doc, 'act'));
    expectOk(addVote(doc, insight, 'voterKey123'));
    const json = doc.toJSON() as {
      meta: object;
      phases: object[];
      items: Record<string, object>;
      themes: Record<string, object>;
      votes: Record<string, unknown>;
    };
    expect(Object.keys(json).sort()).toEqual(['items', 'meta', 'phases', 'themes', 'votes']);
    expect(Object.keys(json.meta).sort()).toEqual(
      [
        'createdAt',
        'currentPhaseId',
        'endedAt',
        'locale',
        'schemaVersion',
        'status',
        'templateId',
        'templateName',
        'templateVersion',
        'title',
        'writerVersion',
      ].sort(),
    );
    const phaseFields = ['id', 'title', 'prompt', 'kinds', 'minutes', 'notes'];
    const v2PhaseFields = ['order', 'privateWriting', 'revealedAt', 'themes'];
    for (const phase of json.phases) {
      const expected = [...phaseFields, ...v2PhaseFields];
      if ('voting' in phase) expected.push('voting');
      expect(Object.keys(phase).sort()).toEqual(expected.sort());
    }
    // Only the phase voting was opened on carries a voting record.
    expect(json.phases.filter((phase) => 'voting' in phase)).toHaveLength(1);
    const itemFields = ['kind', 'phaseId', 'text', 'createdAt'];
    expect(Object.keys(json.items[insight] ?? {}).sort()).toEqual(itemFields.sort());
    expect(Object.keys(json.items[action] ?? {}).sort()).toEqual(
      [...itemFields, 'owner', 'due'].sort(),
    );
    for (const theme of Object.values(json.themes)) {
      expect(Object.keys(theme).sort()).toEqual(['createdAt', 'name', 'phaseId']);
    }
    // A vote names an item and a random per-session key, nothing else.
    expect(json.votes).toEqual({ [`${insight}:voterKey123`]: 1 });
  });
});
