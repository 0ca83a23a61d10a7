import { describe, expect, it } from 'vitest';
import { TEMPLATES_KEY, UNREADABLE_TEMPLATES_KEY } from '../../lib/app/own-templates-store';
import { memoryStore } from '../../lib/platform/memory';
import type { KeyValueStore } from '../../lib/platform/types';
import { bytesOf, device, own, socialLab, storedIds } from '../helpers/own-templates';
import { template } from '../helpers/template-input';

describe('a stored value that is not what this version wrote', () => {
  it('skips and reports invalid entries, keeps them stored, and loads the rest', async () => {
    const valid = own({ id: 'fine' });
    const store = memoryStore({
      [TEMPLATES_KEY]: {
        version: 1,
        templates: [
          { id: 'broken', phases: 'none' },
          valid,
          'not even an object',
          { ...valid, name: { en: 'Twin', nl: 'Tweeling' } },
          JSON.parse(
            `{"__proto__":{"polluted":true},${JSON.stringify({ ...valid, id: 'lab' }).slice(1)}`,
          ),
        ],
      },
    });
    const { app } = await device(store);
    expect(app.ownTemplates.value.map((t) => t.id)).toEqual(['fine']);
    expect(app.ownTemplatesReport.value.skipped).toMatchObject([
      { index: 0, id: 'broken' },
      { index: 2, id: null, problems: [{ path: '', code: 'not-an-object' }] },
      { index: 3, id: 'fine', problems: [{ path: 'id', code: 'duplicate-id' }] },
      { index: 4, id: 'lab', problems: [{ path: '__proto__', code: 'unknown-field' }] },
    ]);
    expect(app.toast.value).toEqual({ kind: 'own-templates-skipped', count: 4 });
    expect(Object.prototype).not.toHaveProperty('polluted');

    // A save keeps the skipped entries: nothing is deleted without the person knowing.
    await app.saveOwnTemplate(own({ id: 'new' }));
    const stored = await store.get<{ templates: unknown[] }>(TEMPLATES_KEY);
    expect(stored?.templates).toHaveLength(6);
    expect(stored?.templates).toContainEqual({ id: 'broken', phases: 'none' });
    expect(stored?.templates).toContain('not even an object');
  });

  it('gives an own template that a newer built-in took the id of a free id', async () => {
    const store = memoryStore({
      [TEMPLATES_KEY]: {
        version: 1,
        templates: [own({ id: 'social-lab' }), own({ id: 'social-lab-2' })],
      },
    });
    const { app } = await device(store);
    expect(app.ownTemplates.value.map((t) => t.id)).toEqual(['social-lab-3', 'social-lab-2']);
    expect(app.ownTemplatesReport.value.renamed).toEqual([
      { from: 'social-lab', to: 'social-lab-3' },
    ]);
    expect(app.allTemplates.value.find((t) => t.id === 'social-lab')).toBe(socialLab);
  });

  it.each([
    ['a string', 'garbage'],
    ['a list', [1, 2, 3]],
    ['no list', { version: 1, templates: { a: 1 } }],
    ['null', null],
  ])('survives %s without a crash and moves it aside on the next save', async (_, value) => {
    const store = memoryStore({ [TEMPLATES_KEY]: value });
    const { app } = await device(store);
    expect(app.ready.value).toBe(true);
    expect(app.ownTemplates.value).toEqual([]);
    expect(app.ownTemplatesReport.value.unreadable).toBe('foreign');
    expect(app.toast.value).toEqual({ kind: 'own-templates-unreadable' });
    expect(await app.saveOwnTemplate(own())).toMatchObject({ ok: true });
    expect(await store.get(UNREADABLE_TEMPLATES_KEY)).toEqual(value);
    expect(await storedIds(store)).toEqual(['my-template']);
  });

  it('never overwrites what a newer Kring stored', async () => {
    const newer = { version: 2, templates: [{ id: 'future', shape: 'unknown' }] };
    const store = memoryStore({ [TEMPLATES_KEY]: newer });
    const { app } = await device(store);
    expect(app.ownTemplatesReport.value.unreadable).toBe('newer');
    expect(await app.saveOwnTemplate(own())).toEqual({
      ok: false,
      error: { reason: 'newer-store' },
    });
    expect(await app.importTemplate(bytesOf(template()))).toEqual({
      kind: 'refused',
      refusal: { reason: 'newer-store' },
    });
    expect(await store.get(TEMPLATES_KEY)).toEqual(newer);
  });

  it('survives a store that fails to read', async () => {
    const failing: KeyValueStore = {
      ...memoryStore(),
      get: async (key) => {
        if (key === TEMPLATES_KEY) throw new Error('quota');
        return undefined;
      },
    };
    const { app } = await device(failing);
    expect(app.ready.value).toBe(true);
    expect(app.toast.value).toEqual({ kind: 'storage-failed', detail: 'quota' });
    expect(await app.saveOwnTemplate(own())).toEqual({
      ok: false,
      error: { reason: 'storage-failed', detail: 'quota' },
    });
  });
});
