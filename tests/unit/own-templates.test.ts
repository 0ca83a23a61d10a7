import { describe, expect, it } from 'vitest';
import { TEMPLATES_KEY } from '../../lib/app/own-templates-store';
import { describeOwnTemplateRefusal } from '../../lib/i18n/template-problems';
import { translator } from '../../lib/i18n/translate';
import { memoryStore } from '../../lib/platform/memory';
import { builtInTemplates, type Template } from '../../lib/templates';
import { serializeTemplate } from '../../lib/templates/file';
import { MemoryRooms } from '../helpers/memory-rooms';
import { bytesOf, device, own, socialLab, storedIds } from '../helpers/own-templates';
import { phase, template, text } from '../helpers/template-input';

describe('own templates are kept on this device', () => {
  it('save, load on the next start, edit in place, delete', async () => {
    const { app, store } = await device();
    expect(app.ownTemplates.value).toEqual([]);
    expect(app.allTemplates.value).toEqual(builtInTemplates);

    const first = own({ id: 'first' });
    expect(await app.saveOwnTemplate(first)).toEqual({ ok: true, value: first });
    await app.saveOwnTemplate(own({ id: 'second' }));
    expect(app.toast.value).toEqual({ kind: 'template-saved', name: 'My template' });
    expect(await store.get(TEMPLATES_KEY)).toMatchObject({ version: 1 });
    expect(await storedIds(store)).toEqual(['first', 'second']);

    const again = await device(store);
    expect(again.app.ownTemplates.value.map((t) => t.id)).toEqual(['first', 'second']);
    expect(again.app.allTemplates.value.map((t) => t.id)).toEqual([
      ...builtInTemplates.map((t) => t.id),
      'first',
      'second',
    ]);

    // Editing "first" and renaming it keeps its place.
    const renamed = own({ id: 'renamed', name: text('Renamed', 'Hernoemd') });
    expect((await again.app.saveOwnTemplate(renamed, { replacing: 'first' })).ok).toBe(true);
    expect(await storedIds(store)).toEqual(['renamed', 'second']);

    expect(await again.app.deleteOwnTemplate('second')).toEqual({ ok: true, value: undefined });
    expect(again.app.toast.value).toEqual({ kind: 'template-deleted', name: 'My template' });
    expect(await storedIds(store)).toEqual(['renamed']);
    expect(await again.app.deleteOwnTemplate('second')).toEqual({
      ok: false,
      error: { reason: 'not-found', id: 'second' },
    });
  });

  it('never takes a built-in id, nor another own id unless replacing it', async () => {
    const { app, store } = await device();
    const refused = await app.saveOwnTemplate({ ...socialLab });
    expect(refused).toEqual({ ok: false, error: { reason: 'built-in-id', id: 'social-lab' } });
    await app.saveOwnTemplate(own({ id: 'mine' }));
    await app.saveOwnTemplate(own({ id: 'other' }));
    const taken = await app.saveOwnTemplate(own({ id: 'mine' }));
    expect(taken).toEqual({ ok: false, error: { reason: 'id-taken', id: 'mine' } });
    // Editing "other" and giving it the id of "mine" would silently replace "mine".
    const onto = await app.saveOwnTemplate(own({ id: 'mine' }), { replacing: 'other' });
    expect(onto).toEqual({ ok: false, error: { reason: 'id-taken', id: 'mine' } });
    expect(await storedIds(store)).toEqual(['mine', 'other']);

    const edited = own({ id: 'mine', version: 2 });
    expect(await app.saveOwnTemplate(edited, { replacing: 'mine' })).toEqual({
      ok: true,
      value: edited,
    });
    expect(app.ownTemplates.value[0]?.version).toBe(2);

    if (refused.ok || taken.ok) return;
    const t = translator('nl');
    expect(describeOwnTemplateRefusal(t, refused.error)).toContain('social-lab');
    expect(describeOwnTemplateRefusal(t, taken.error)).toBe(
      'Een van je eigen werkvormen heeft het id “mine” al. Kies een ander id.',
    );
  });

  it('checks what it is given again, and stores nothing invalid', async () => {
    const { app, store } = await device();
    const broken = { ...own(), phases: [] } as Template;
    expect(await app.saveOwnTemplate(broken)).toEqual({
      ok: false,
      error: { reason: 'invalid', problems: [{ path: 'phases', code: 'empty' }] },
    });
    expect(await store.get(TEMPLATES_KEY)).toBeUndefined();
  });
});

describe('importing a template file', () => {
  it('stores a valid file with a free id', async () => {
    const { app } = await device();
    const outcome = await app.importTemplate(bytesOf(template({ id: 'from-a-colleague' })));
    expect(outcome).toMatchObject({ kind: 'imported', template: { id: 'from-a-colleague' } });
    expect(app.ownTemplates.value.map((t) => t.id)).toEqual(['from-a-colleague']);
    expect(app.toast.value).toEqual({ kind: 'template-imported', name: 'My template' });
  });

  it('stores nothing from a broken or hostile file, and loses nothing already there', async () => {
    const { app, store } = await device();
    await app.saveOwnTemplate(own({ id: 'mine' }));
    const before = await store.get(TEMPLATES_KEY);
    const hostile = [
      new TextEncoder().encode('{"id": "x",'),
      new Uint8Array([0xff, 0xfe, 0x7b, 0x00]),
      new Uint8Array(5 * 1024 * 1024),
      new TextEncoder().encode(`{"__proto__":{"id":"x"},${JSON.stringify(template()).slice(1)}`),
      bytesOf(template({ id: 'mine', phases: [phase('a'), phase('a')] })),
    ];
    for (const bytes of hostile) {
      const outcome = await app.importTemplate(bytes);
      expect(outcome.kind).toBe('invalid');
    }
    expect(await store.get(TEMPLATES_KEY)).toEqual(before);
    expect(app.ownTemplates.value.map((t) => t.id)).toEqual(['mine']);
  });

  it('asks when a built-in template has the id: keep both, never replace', async () => {
    const { app, store } = await device();
    const incoming = { ...socialLab, name: text('Our social lab', 'Ons sociaal lab') };
    const outcome = await app.importTemplate(bytesOf(incoming));
    expect(outcome).toMatchObject({
      kind: 'conflict',
      incoming: { id: 'social-lab', name: incoming.name },
      existing: socialLab,
      builtIn: true,
    });
    expect(await store.get(TEMPLATES_KEY)).toBeUndefined();
    if (outcome.kind !== 'conflict') return;

    const replace = await app.resolveImport(outcome.incoming, 'replace');
    expect(replace).toEqual({ ok: false, error: { reason: 'built-in-id', id: 'social-lab' } });
    expect(await store.get(TEMPLATES_KEY)).toBeUndefined();

    const both = await app.resolveImport(outcome.incoming, 'keep-both');
    expect(both).toMatchObject({ ok: true, value: { id: 'social-lab-2', name: incoming.name } });
    expect(app.allTemplates.value.filter((t) => t.name.en.includes('ocial lab'))).toHaveLength(2);
    expect(app.allTemplates.value.find((t) => t.id === 'social-lab')).toBe(socialLab);
  });

  it('asks when an own template has the id: replace it, or keep both under a free id', async () => {
    const { app, store } = await device();
    const mine = own({ id: 'shared' });
    await app.saveOwnTemplate(mine);
    await app.saveOwnTemplate(own({ id: 'shared-2' }));
    const theirs = template({ id: 'shared', name: text('Theirs', 'Van hen') });

    const outcome = await app.importTemplate(bytesOf(theirs));
    expect(outcome).toMatchObject({
      kind: 'conflict',
      incoming: { id: 'shared', name: { en: 'Theirs' } },
      existing: mine,
      builtIn: false,
    });
    expect(await storedIds(store)).toEqual(['shared', 'shared-2']);
    if (outcome.kind !== 'conflict') return;

    const both = await app.resolveImport(outcome.incoming, 'keep-both');
    expect(both).toMatchObject({ ok: true, value: { id: 'shared-3', name: { en: 'Theirs' } } });
    expect(await storedIds(store)).toEqual(['shared', 'shared-2', 'shared-3']);

    const replaced = await app.resolveImport(outcome.incoming, 'replace');
    expect(replaced).toMatchObject({ ok: true, value: { id: 'shared', name: { en: 'Theirs' } } });
    expect(app.ownTemplates.value.map((t) => [t.id, t.name.en])).toEqual([
      ['shared', 'Theirs'],
      ['shared-2', 'My template'],
      ['shared-3', 'Theirs'],
    ]);
  });
});

describe('exporting, importing on another profile, and starting a session from it', () => {
  it('round-trips through the documented file into a session like any other', async () => {
    const rooms = new MemoryRooms();
    const alice = await device(memoryStore(), rooms);
    const made = own({
      id: 'our-intervision',
      learningQuestion: true,
      phases: [
        phase('case', { kinds: ['question', 'insight'], privateWriting: true }),
        phase('next'),
      ],
    });
    await alice.app.saveOwnTemplate(made);
    alice.app.exportTemplate(made);
    expect(alice.downloads).toEqual([
      {
        fileName: 'our-intervision.json',
        text: serializeTemplate(made),
        mimeType: 'application/json',
      },
    ]);
    expect(alice.app.toast.value).toEqual({
      kind: 'template-exported',
      file: 'our-intervision.json',
    });

    const bob = await device(memoryStore(), rooms);
    const file = new TextEncoder().encode(alice.downloads[0]?.text);
    const outcome = await bob.app.importTemplate(file);
    expect(outcome).toEqual({ kind: 'imported', template: made });
    const imported = bob.app.allTemplates.value.find((t) => t.id === 'our-intervision');
    if (!imported) throw new Error('not imported');

    const started = await bob.app.startSession({
      template: imported,
      title: 'Tuesday',
      locale: 'nl',
      passphrase: '',
      learningQuestion: 'How do we learn?',
    });
    expect(started).toEqual({ ok: true, value: undefined });
    const snapshot = bob.app.current.value?.model.snapshot.value;
    expect(snapshot?.template).toEqual({
      id: 'our-intervision',
      version: 1,
      name: 'Mijn sjabloon',
    });
    expect(snapshot?.learningQuestion).toBe('How do we learn?');
    expect(snapshot?.phases.map((p) => [p.id, p.title, p.kinds])).toEqual([
      ['case', 'Titel', ['question', 'insight']],
      ['next', 'Titel', ['insight']],
    ]);
    bob.app.destroy();
    alice.app.destroy();
  });
});
