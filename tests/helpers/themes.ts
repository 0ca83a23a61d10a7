import * as Y from 'yjs';
import {
  addItem,
  createSession,
  type SessionContext,
  type ThemePolicy,
  withRole,
} from '../../lib/session';
import { itemsOf, phasesOf } from '../../lib/session/schema';
import { readThemes } from '../../lib/session/themes';
import type { Template, TemplatePhase } from '../../lib/templates/types';
import { fixedContext } from './context';
import { expectOk } from './session';
import { testTemplate } from './test-template';

// Shared by the session-themes*.test.ts files: a two-phase template and ways to read themes.

const template: Template = {
  id: 'themes-test',
  version: 1,
  name: { en: 'Themes test', nl: 'Thema-test' },
  purpose: { en: 'Group insights.', nl: 'Inzichten groeperen.' },
  credits: { en: '', nl: '' },
  phases: [
    {
      id: 'sense',
      title: { en: 'Sense', nl: 'Waarnemen' },
      prompt: { en: 'What do we see?', nl: 'Wat zien we?' },
      kinds: ['question', 'insight'],
      minutes: 15,
      notes: { en: '', nl: '' },
    },
    // The shared test template's last phase: insights and actions.
    testTemplate.phases[2] as TemplatePhase,
  ],
};

export function participant(context: SessionContext): SessionContext {
  return withRole(context, 'participant');
}

/** A running session whose phases both let anyone handle themes unless a test says otherwise. */
export function newDoc(policy: ThemePolicy = 'anyone'): Y.Doc {
  const doc = new Y.Doc();
  expectOk(createSession(doc, { template, locale: 'en' }, fixedContext('s')));
  for (const phase of ['sense', 'act']) setPolicy(doc, phase, policy);
  return doc;
}

export function setPolicy(doc: Y.Doc, phaseId: string, policy: ThemePolicy): void {
  phasesOf(doc)
    .toArray()
    .find((record) => record.get('id') === phaseId)
    ?.set('themes', policy);
}

export function insight(
  doc: Y.Doc,
  text: string,
  context: SessionContext,
  phaseId = 'sense',
): string {
  return expectOk(addItem(doc, { kind: 'insight', phaseId, text }, context));
}

export function phaseIds(doc: Y.Doc): string[] {
  return phasesOf(doc)
    .toArray()
    .map((record) => record.get('id') as string);
}

/** The theme an item is shown in: a themeId naming no readable theme means none. */
export function shownTheme(doc: Y.Doc, itemId: string): string {
  const stored = itemsOf(doc).get(itemId)?.get('themeId');
  const known = readThemes(doc, phaseIds(doc)).map((theme) => theme.id);
  return typeof stored === 'string' && known.includes(stored) ? stored : '';
}

export function names(doc: Y.Doc): string[] {
  return readThemes(doc, phaseIds(doc)).map((theme) => theme.name);
}

/** A second peer that starts from `doc`'s state. */
export function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
  return peer;
}

export function sync(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB);
  Y.applyUpdate(a, toA);
}
