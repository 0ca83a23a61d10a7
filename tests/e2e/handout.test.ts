import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../lib/templates';
import { button, expectNoViolations, heading, LANGUAGES } from './a11y-helpers';
import {
  checkEnvironment,
  checkWebBuild,
  closeAll,
  launchPeer,
  type Peer,
  reportFailure,
  type Signaling,
  startSignaling,
  UI_MS,
  WEB_URL,
} from './harness';
import { startSession } from './kring';
import { readQrCode } from './qr';

/**
 * Issue 8: the participants' handout prints on one A4 page (Chromium's own PDF, the same
 * renderer as its print dialog) in both languages, with every phase's prompt, and with a running
 * session's code, invite link and a QR code a phone can read. Also axe on the guide screen and
 * the handout page.
 *
 * The prompts are checked in the page's text, which is what prints (print CSS only hides the
 * Print button); the PDF is only counted for pages: Chromium writes its text as glyph ids in
 * compressed streams, which would need a PDF parser (pdfjs-dist) to read back.
 */

/** Pages in a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** Whitespace and quotes as a browser's innerText and the template file may differ in them. */
const normalize = (text: string) => text.replace(/\s+/g, ' ').replace(/[“”]/g, '"').trim();

async function openHandout(peer: Peer, hash: string): Promise<Page> {
  const page = await peer.context.newPage();
  await page.goto(`chrome-extension://${peer.extensionId}/handout.html${hash}`);
  await page.locator('html[data-ready="true"]').waitFor({ timeout: UI_MS, state: 'attached' });
  expect(await page.evaluate(() => document.documentElement.dataset.printCalled)).toBe('true');
  return page;
}

describe.each(LANGUAGES)('handouts and guides in $lang', ({ lang, browser, m }) => {
  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  const peer = () => facilitator as Peer;

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    facilitator = await launchPeer('Facilitator', { locale: browser });
    // The page opens the print dialog on load; headless Chromium would then keep the page
    // "being printed" and refuse page.pdf. The stand-in records that it was called.
    await facilitator.context.addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printCalled = 'true';
      };
    });
  });
  afterAll(async () => {
    await closeAll([facilitator]);
    await signaling?.close();
  });
  beforeEach((context) => {
    context.onTestFailed(() => reportFailure(context.task.name, [facilitator]));
  });

  it.each(builtInTemplates.map((template) => [template.id, template] as const))(
    '%s prints on one A4 page with every prompt',
    async (_id, template) => {
      const page = await openHandout(peer(), `#t=${template.id}&l=${lang}`);
      try {
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await heading(page, template.name[lang], 1).waitFor({ timeout: UI_MS });
        const text = normalize((await page.locator('main').textContent()) ?? '');
        for (const phase of template.phases) {
          expect(text, `${template.id} ${phase.id}`).toContain(normalize(phase.prompt[lang]));
        }
        // No code yet: the line to write it on.
        expect(text).toContain('____-____-__');
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        expect(pdfPages(pdf), `${template.id} ${lang}`).toBe(1);
      } finally {
        await page.close();
      }
    },
  );

  it('the web app’s handout page works under its CSP (no inline script or style)', async () => {
    const page = await peer().context.newPage();
    try {
      const errorsBefore = peer().errors.length;
      await page.goto(`${WEB_URL}handout.html#t=reflective-dialogue&l=${lang}&c=ABCD-EFGH-JK`);
      await page.locator('html[data-ready="true"]').waitFor({ timeout: UI_MS, state: 'attached' });
      const template = builtInTemplates.find((candidate) => candidate.id === 'reflective-dialogue');
      await heading(page, template?.name[lang] ?? '', 1).waitFor({ timeout: UI_MS });
      expect(normalize((await page.locator('main').textContent()) ?? '')).toContain('ABCD-EFGH-JK');
      expect(peer().errors.slice(errorsBefore)).toEqual([]);
      expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('the handout page has no accessibility violations', async () => {
    // With a code, link and QR code: everything the join box can show.
    const link = encodeURIComponent(`${WEB_URL}#ABCD-EFGH-JK`);
    const page = await openHandout(peer(), `#t=social-lab&l=${lang}&c=ABCD-EFGH-JK&u=${link}`);
    try {
      await expectNoViolations(page, `handout ${lang}`);
    } finally {
      await page.close();
    }
  });

  it('the guide screen opens from the picker and has no accessibility violations', async () => {
    const panel = peer().page;
    await button(panel, m['home.newSession']).click();
    const name = builtInTemplates[0]?.name[lang] ?? '';
    await panel
      .getByRole('button', { name: m['guides.open'], exact: true, description: name })
      .click();
    await panel.locator('article.guide h2').first().waitFor({ timeout: UI_MS });
    expect(await panel.locator('article.guide').getAttribute('lang')).toBe(lang);
    await expectNoViolations(panel, `guide ${lang}`);
    await button(panel, m['guides.back']).click();
    await panel.getByRole('radio', { name, exact: true }).waitFor({ timeout: UI_MS });
    await button(panel, m['nav.back']).click();
  });

  it('a running session prints its code, invite link and a QR code that opens the link', async () => {
    const panel = peer().page;
    const template = builtInTemplates.find((candidate) => candidate.id === 'lessons-learned');
    if (!template) throw new Error('lessons-learned is not shipped');
    let code: string;
    if (lang === 'en') code = await startSession(panel, { template: 'Lessons-learned harvest' });
    else {
      await button(panel, m['home.newSession']).click();
      await panel.getByRole('radio', { name: template.name.nl, exact: true }).check();
      await button(panel, m['new.start']).click();
      code =
        (await panel
          .getByRole('status', { name: m['room.code'], exact: true })
          .textContent({ timeout: 15_000 })) ?? '';
    }
    const link = normalize(
      (await panel.locator('.invite-link-text').textContent({ timeout: UI_MS })) ?? '',
    );
    expect(link).toMatch(new RegExp(`#${code}$`));
    const [handout] = await Promise.all([
      peer().context.waitForEvent('page', { timeout: UI_MS }),
      button(panel, m['guides.print']).click(),
    ]);
    try {
      await handout
        .locator('html[data-ready="true"]')
        .waitFor({ timeout: UI_MS, state: 'attached' });
      const box = handout.getByRole('region', { name: m['handout.join'], exact: true });
      expect(normalize((await box.textContent()) ?? '')).toContain(code);
      expect(normalize((await box.textContent()) ?? '')).toContain(link);
      expect(await readQrCode(box.getByRole('img', { name: m['handout.qr'] }))).toBe(link);
      const pdf = await handout.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(pdf)).toBe(1);
    } finally {
      await handout.close();
    }
  });
});
