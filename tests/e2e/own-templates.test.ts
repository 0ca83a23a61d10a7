import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMessages } from '../../lib/i18n/all-messages';
import { parseTemplateFile } from '../../lib/templates';
import { button, expectNoViolations, heading, textbox } from './a11y-helpers';
import {
  checkEnvironment,
  closeAll,
  launchPeer,
  type Peer,
  type Signaling,
  startSignaling,
  steps,
  UI_MS,
} from './harness';

const { en, nl } = allMessages;

/**
 * A template of one's own, round trip (issue 8): in the built extension a facilitator copies
 * a built-in template, changes it in the editor and exports it; a colleague, in another
 * browser profile with a Dutch browser, imports the file and starts a session from it, whose
 * first phase asks the new question. axe checks the picker with own templates and the editor
 * (with its problem summary), in English and in Dutch.
 */
const NAME = { en: 'Neighbourhood round', nl: 'Buurtronde' };
const PROMPT = {
  en: 'Which moment of this month in the neighbourhood stays with you?',
  nl: 'Welk moment van deze maand in de buurt blijft je bij?',
};
const ID = 'neighbourhood-round';

const describedButton = (page: Page, name: string, description: string) =>
  page.getByRole('button', { name, exact: true, description });

describe('own templates: copy, edit, export, import elsewhere, start', () => {
  let signaling: Signaling | undefined;
  let author: Peer | undefined;
  let colleague: Peer | undefined;
  let file: { name: string; content: Buffer } | undefined;

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    author = await launchPeer('Author');
    // A second profile: nothing of the author's device is there but the file.
    colleague = await launchPeer('Colleague', { locale: 'nl-NL' });
  });
  afterAll(async () => {
    await closeAll([author, colleague]);
    await signaling?.close();
  });
  const NO_ERRORS = 'logs no uncaught page errors';
  steps(() => [author, colleague], [NO_ERRORS]);

  it('1. copies a built-in template; Save with an empty name shows the problem (axe, en)', async () => {
    const page = (author as Peer).page;
    await button(page, en['home.newSession']).click();
    await describedButton(page, en['tpl.copy'], 'Reflective dialogue').click();
    await heading(page, en['tpl.heading.new']).waitFor({ timeout: UI_MS });
    await expectNoViolations(page, 'template editor (en)');

    await textbox(page, 'Name (English)').fill('');
    await button(page, en['tpl.save']).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toContain('Name (English)');
    await expectNoViolations(page, 'template editor with problems (en)');
  });

  it('2. edits names and the first prompt, saves, and the picker lists it (axe, en)', async () => {
    const page = (author as Peer).page;
    await textbox(page, 'Name (English)').fill(NAME.en);
    await textbox(page, 'Name (Nederlands)').fill(NAME.nl);
    expect(await textbox(page, 'Id').inputValue()).toBe(ID);
    const first = page.getByRole('region', { name: /^Phase 1/ });
    await first.getByRole('textbox', { name: 'Question for the group (English)' }).fill(PROMPT.en);
    await first
      .getByRole('textbox', { name: 'Question for the group (Nederlands)' })
      .fill(PROMPT.nl);
    await button(page, en['tpl.save']).click();
    const mine = page.getByRole('region', { name: en['tpl.mine'], exact: true });
    await mine.getByRole('radio', { name: NAME.en, exact: true }).waitFor({ timeout: UI_MS });
    await expectNoViolations(page, 'picker with own templates (en)');
  });

  it('3. exports it as <id>.json in the documented format', async () => {
    const page = (author as Peer).page;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: UI_MS }),
      describedButton(page, en['tpl.export'], NAME.en).click(),
    ]);
    file = { name: download.suggestedFilename(), content: await readFile(await download.path()) };
    expect(file.name).toBe(`${ID}.json`);
    const parsed = parseTemplateFile(file.content.toString('utf8'));
    expect(parsed.ok && parsed.value.phases[0]?.prompt).toEqual(PROMPT);
  });

  it('4. in another profile, refuses a broken file with its problems (axe, nl)', async () => {
    const page = (colleague as Peer).page;
    await button(page, nl['home.newSession']).click();
    const mine = page.getByRole('region', { name: nl['tpl.mine'], exact: true });
    await mine.getByText(nl['tpl.noneYet']).waitFor({ timeout: UI_MS });
    const broken = JSON.parse((file as { content: Buffer }).content.toString('utf8'));
    delete broken.phases[0].prompt.nl;
    await page.getByLabel(nl['tpl.importFile']).setInputFiles({
      name: 'kapot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: UI_MS })
      .toContain('phases[0].prompt.nl: dit veld ontbreekt');
    await expectNoViolations(page, 'picker with an import refused (nl)');
  });

  it('5. imports the exported file; the picker and the editor pass axe (nl)', async () => {
    const page = (colleague as Peer).page;
    const exported = file as { name: string; content: Buffer };
    await page.getByLabel(nl['tpl.importFile']).setInputFiles({
      name: exported.name,
      mimeType: 'application/json',
      buffer: exported.content,
    });
    const mine = page.getByRole('region', { name: nl['tpl.mine'], exact: true });
    const radio = mine.getByRole('radio', { name: NAME.nl, exact: true });
    await radio.waitFor({ timeout: UI_MS });
    expect(await radio.isChecked()).toBe(true);
    await expectNoViolations(page, 'picker with own templates (nl)');

    await describedButton(page, nl['tpl.edit'], NAME.nl).click();
    await heading(page, nl['tpl.heading.edit']).waitFor({ timeout: UI_MS });
    expect(await textbox(page, 'Naam (Nederlands)').inputValue()).toBe(NAME.nl);
    await expectNoViolations(page, 'template editor (nl)');
    await button(page, nl['nav.back']).click();
  });

  it('6. starts a session from it and sees its first prompt', async () => {
    const page = (colleague as Peer).page;
    await page.getByRole('radio', { name: NAME.nl, exact: true }).check();
    await button(page, nl['new.start']).click();
    await roomCodeIn(page).waitFor({ timeout: 15_000 });
    await page.getByText(PROMPT.nl, { exact: true }).waitFor({ timeout: UI_MS });
  });

  it(NO_ERRORS, () => {
    expect([...(author as Peer).errors, ...(colleague as Peer).errors]).toEqual([]);
  });
});

/** The room code in a Dutch panel (kring.ts's roomCode finds the English name). */
function roomCodeIn(page: Page) {
  return page.getByRole('status', { name: nl['room.code'], exact: true });
}
