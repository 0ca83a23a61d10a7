import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type LocalizedText } from '../../lib/locale';
import {
  builtInTemplates,
  findTemplate,
  parseTemplate,
  parseTemplateFile,
  type Template,
  templateMinutes,
} from '../../lib/templates';
import { phase, template } from '../helpers/template-input';

const TEMPLATES_DIR = resolve(__dirname, '../../templates');

function localizedTexts(t: Template): [string, LocalizedText][] {
  return [
    ['name', t.name],
    ['purpose', t.purpose],
    ['credits', t.credits],
    ...t.phases.flatMap((p, i): [string, LocalizedText][] => [
      [`phases[${i}].title`, p.title],
      [`phases[${i}].prompt`, p.prompt],
      [`phases[${i}].notes`, p.notes],
    ]),
  ];
}

describe('built-in templates', () => {
  it('are exactly the JSON files in templates/, each id matching its file name', () => {
    const files = readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.json'));
    const fromFiles = files.map((name) => name.replace(/\.json$/, '')).sort();
    expect(builtInTemplates.map((t) => t.id).sort()).toEqual(fromFiles);
    expect(fromFiles).toEqual([
      'action-learning',
      'dialogue-own-questions',
      'intervision',
      'leadership-in-connection',
      'learning-studio',
      'lessons-learned',
      'reflective-dialogue',
      'social-lab',
    ]);
  });

  it('pass the file check a facilitator’s own file gets', () => {
    for (const t of builtInTemplates) {
      const result = parseTemplateFile(readFileSync(join(TEMPLATES_DIR, `${t.id}.json`), 'utf8'));
      expect(result).toEqual({ ok: true, value: t });
    }
  });

  it('have the agreed English names', () => {
    expect(builtInTemplates.map((t) => t.name.en)).toEqual([
      'Social lab',
      'Learning studio',
      'Reflective dialogue',
      'Dialogue session with your own questions',
      'Intervision with the incident method',
      'Action learning set',
      'Leadership in connection',
      'Lessons-learned harvest',
    ]);
  });

  it('have every text in both languages, and the Dutch is not a copy of the English', () => {
    for (const t of builtInTemplates) {
      for (const [path, localized] of localizedTexts(t)) {
        for (const locale of LOCALES) {
          expect(localized[locale].trim(), `${t.id} ${path}.${locale}`).not.toBe('');
        }
        expect(localized.nl, `${t.id} ${path}`).not.toBe(localized.en);
      }
    }
  });

  it('have unique phase ids', () => {
    for (const t of builtInTemplates) {
      const ids = t.phases.map((p) => p.id);
      expect(new Set(ids).size, t.id).toBe(ids.length);
    }
  });

  it('keep prompts short enough for a narrow side panel', () => {
    for (const t of builtInTemplates) {
      for (const p of t.phases) {
        for (const locale of LOCALES) {
          expect(p.prompt[locale].length, `${t.id} ${p.id} ${locale}`).toBeLessThanOrEqual(140);
        }
      }
    }
  });

  it('credit Liberating Structures and its licence wherever they use one of its structures', () => {
    const structures = /1-2-4-All|\bW3\b|15% Solutions|TRIZ/;
    for (const t of builtInTemplates) {
      const used = t.phases.some((p) =>
        LOCALES.some((l) => structures.test(p.notes[l] + p.title[l])),
      );
      if (!used) continue;
      for (const locale of LOCALES) {
        expect(t.credits[locale], `${t.id} ${locale}`).toContain('Liberating Structures');
        expect(t.credits[locale], `${t.id} ${locale}`).toContain('CC BY-SA 4.0');
      }
    }
  });

  it('come with a facilitator guide and a participant handout in both languages', () => {
    for (const t of builtInTemplates) {
      for (const locale of LOCALES) {
        for (const folder of ['guides', 'handouts']) {
          const file = join(TEMPLATES_DIR, folder, `${t.id}.${locale}.md`);
          expect(existsSync(file), file).toBe(true);
        }
      }
    }
  });

  it('have exactly one join marker in every handout, on a line of its own', () => {
    const handouts = readdirSync(join(TEMPLATES_DIR, 'handouts')).filter((n) => n.endsWith('.md'));
    expect(handouts.length).toBeGreaterThanOrEqual(builtInTemplates.length * LOCALES.length);
    for (const name of handouts) {
      const text = readFileSync(join(TEMPLATES_DIR, 'handouts', name), 'utf8');
      expect(text.split('<!-- join -->').length - 1, name).toBe(1);
      expect(
        text.split('\n').filter((line) => line.trim() === '<!-- join -->'),
        name,
      ).toHaveLength(1);
      // The join box shows the code: the text itself no longer has a line for it.
      expect(text, name).not.toContain('____');
    }
  });

  it('use the facilitation moves their methods call for', () => {
    const phaseOf = (templateId: string, phaseId: string) =>
      findTemplate(templateId)?.phases.find((p) => p.id === phaseId);
    // Social lab: 1-2-4-All starts alone and ends in three dots; system sensing makes themes.
    expect(phaseOf('social-lab', 'ideas')).toMatchObject({
      privateWriting: true,
      voting: { budget: 3 },
    });
    expect(phaseOf('social-lab', 'system')?.themes).toBe('anyone');
    expect(phaseOf('lessons-learned', 'sustain-improve')?.voting).toEqual({ budget: 3 });
    expect(phaseOf('reflective-dialogue', 'so-what')?.themes).toBe('facilitator');
    // A reflective dialogue is non-judgemental: nothing in it is ranked.
    expect(findTemplate('reflective-dialogue')?.phases.some((p) => p.voting)).toBe(false);
    // Learning studio: a shared learning question; it opens with the review; lessons are
    // written alone and sorted into themes; 15% steps start alone; versions of the question
    // are voted on.
    expect(findTemplate('learning-studio')?.learningQuestion).toBe(true);
    expect(findTemplate('learning-studio')?.phases[0]).toMatchObject({ review: true });
    expect(phaseOf('learning-studio', 'learned')).toMatchObject({
      privateWriting: true,
      themes: 'anyone',
    });
    expect(phaseOf('learning-studio', 'commitments')?.privateWriting).toBe(true);
    expect(phaseOf('learning-studio', 'sharpen')?.voting).toEqual({ budget: 2, maxPerItem: 1 });
    // Action learning and intervision: the presenter or case bringer chooses, so nothing is
    // ranked; helping questions and approaches are written alone first.
    expect(findTemplate('action-learning')?.phases[0]).toMatchObject({ review: true });
    expect(phaseOf('action-learning', 'helping')?.privateWriting).toBe(true);
    for (const id of ['action-learning', 'intervision']) {
      expect(
        findTemplate(id)?.phases.some((p) => p.voting),
        id,
      ).toBe(false);
      expect(
        findTemplate(id)?.phases.some((p) => p.privateWriting),
        id,
      ).toBe(true);
    }
    // Leadership in connection: one phase per circle, and the own next step starts alone.
    expect(findTemplate('leadership-in-connection')?.phases.length).toBeGreaterThanOrEqual(5);
  });

  it('tell the facilitator when to reveal and what to do with a ranking', () => {
    for (const t of builtInTemplates) {
      for (const p of t.phases) {
        if (p.privateWriting) {
          expect(p.notes.en, `${t.id} ${p.id}`).toContain('Reveal');
          expect(p.notes.nl, `${t.id} ${p.id}`).toContain('zichtbaar');
        }
        if (p.voting) {
          expect(p.notes.en, `${t.id} ${p.id}`).toContain('ranking');
          expect(p.notes.nl, `${t.id} ${p.id}`).toContain('rangorde');
        }
      }
    }
  });

  it('can be found by id', () => {
    expect(findTemplate('reflective-dialogue')?.name.nl).toBe('Reflectieve dialoog');
    expect(findTemplate('no-such-template')).toBeUndefined();
  });
});

describe('templateMinutes', () => {
  it('adds up the phases’ minutes', () => {
    const result = parseTemplate(
      template({ phases: [phase('a', { minutes: 5 }), phase('b', { minutes: 0 }), phase('c')] }),
    );
    expect(result.ok && templateMinutes(result.value)).toBe(15);
  });
});
