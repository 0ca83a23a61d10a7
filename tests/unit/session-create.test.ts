import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSession, SCHEMA_VERSION, snapshotSession } from '../../lib/session';
import { fixedContext } from '../helpers/context';
import { newSessionDoc, snap } from '../helpers/session';
import { testTemplate } from '../helpers/test-template';

describe('createSession', () => {
  it('copies the template phases in the session language and starts at the first phase', () => {
    const session = snap(newSessionDoc('nl'));
    expect(session.schemaVersion).toBe(SCHEMA_VERSION);
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
    });
    expect(session.items).toEqual([]);
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
    const json = doc.toJSON() as { meta: object; phases: object[]; items: object };
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
      ].sort(),
    );
  });
});
