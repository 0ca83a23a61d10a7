import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Messages } from '../../lib/i18n/messages-en';
import { translator } from '../../lib/i18n/translate';
import { button, expectNoViolations, heading, LANGUAGES, present, textbox } from './a11y-helpers';
import {
  CONNECT_MS,
  checkEnvironment,
  checkWebBuild,
  closeAll,
  eventually,
  eventuallyContains,
  launchPeer,
  launchWebPeer,
  type Peer,
  reportFailure,
  type Signaling,
  SYNC_MS,
  startSignaling,
  UI_MS,
  WEB_URL,
  type WebPeer,
} from './harness';
import { ROOM_CODE_FORMAT } from './kring';

/**
 * Issue 11's screens, measured as issue 7 measures the others (a11y.test.ts): axe-core's
 * WCAG 2.1 A and AA rules, zero violations, on the facilitator's side panel (360 px), a
 * participant's phone (390×844) and the room view (1280×720), in English and in Dutch. A
 * Social lab: "Sense the system" with themes anyone may make, the phase editor with its
 * "Write alone first" and theme settings, then the ideas phase written alone, revealed, voted
 * on and ranked. Controls are found by their names in the browser's language.
 */

type Lang = (typeof LANGUAGES)[number]['lang'];
const TEMPLATE = JSON.parse(readFileSync('templates/social-lab.json', 'utf8')) as {
  name: Record<Lang, string>;
  phases: { id: string; title: Record<Lang, string> }[];
};
function phaseTitle(id: string, lang: Lang): string {
  const found = TEMPLATE.phases.find((phase) => phase.id === id);
  if (!found) throw new Error(`No phase ${id} in the Social lab template`);
  return found.title[lang];
}

/** What each writes, per language: short, so a vote button names the whole text. */
const TEXTS = {
  en: {
    loose: 'The bus stops running at seven',
    themed: 'Nobody knows the caretaker by name',
    theme: 'Places to meet',
    panelIdea: 'Open the library on Sunday mornings',
    phoneIdea: 'A repair cafe in the old fire station',
  },
  nl: {
    loose: 'De bus rijdt na zevenen niet meer',
    themed: 'Niemand kent de beheerder bij naam',
    theme: 'Plekken om elkaar te zien',
    panelIdea: 'De bibliotheek op zondagochtend open',
    phoneIdea: 'Een repaircafé in de oude brandweerkazerne',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** The texts in the boxes named `name` (insights, drafts), in screen order. */
function boxTexts(scope: Page | Locator, name: string): Promise<string[]> {
  return scope
    .getByRole('textbox', { name, exact: true })
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
}

/** Writes a contribution of the phase's one kind (insight) and waits until a box named
 * `kept` (the insight, or the draft of it) holds it. */
async function write(page: Page, m: Messages, text: string, kept: string): Promise<void> {
  await textbox(page, m['kind.insight.new']).fill(text);
  await button(page, m['kind.insight.add']).click();
  await expect.poll(() => boxTexts(page, kept), { timeout: UI_MS }).toContain(text);
}

describe.each(LANGUAGES)('facilitation screens, in the $lang browser language', (language) => {
  const { lang, browser, m } = language;
  const t = translator(lang);
  const text = TEXTS[lang];
  const SYSTEM = phaseTitle('system', lang);
  const IDEAS = phaseTitle('ideas', lang);

  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  let phone: WebPeer | undefined;
  let room: Page | undefined;
  const panel = () => (facilitator as Peer).page;
  const page = () => (phone as WebPeer).page;
  /** Each screen with the name axe's report gives it. */
  const screens = (): [string, Page][] => [
    [`panel ${lang}`, panel()],
    [`web ${lang}`, page()],
    [`room view ${lang}`, room as Page],
  ];
  const expectAllAccessible = async (state: string) => {
    for (const [where, screen] of screens()) await expectNoViolations(screen, `${where}: ${state}`);
  };
  /** Waits until every screen (panel, phone, room view) shows `what`. */
  const onEveryScreen = async (what: (screen: Page) => Locator) => {
    for (const [, screen] of screens()) await what(screen).first().waitFor({ timeout: SYNC_MS });
  };

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    facilitator = await launchPeer('Facilitator', { locale: browser });
    phone = await launchWebPeer('Phone', { mobile: true, locale: browser });
  });
  afterAll(async () => {
    await closeAll([facilitator, phone]);
    await signaling?.close();
  });
  beforeEach((context) => {
    context.onTestFailed(() => reportFailure(context.task.name, [facilitator, phone]));
  });

  it('a themes phase: one theme with an insight, one insight outside', async () => {
    await button(panel(), m['home.newSession']).click();
    await panel().getByRole('radio', { name: TEMPLATE.name[lang], exact: true }).check();
    await button(panel(), m['new.start']).click();
    const code =
      (await panel()
        .getByRole('status', { name: m['room.code'], exact: true })
        .textContent({ timeout: 15_000 })) ?? '';
    expect(code).toMatch(ROOM_CODE_FORMAT);
    for (let step = 0; step < 2; step++) await button(panel(), m['session.nextPhase']).click();
    await heading(panel(), SYSTEM, 2).waitFor({ timeout: UI_MS });

    await page().goto(WEB_URL);
    await button(page(), m['home.joinSession']).click();
    await textbox(page(), m['join.code']).fill(code);
    await textbox(page(), m['join.name']).fill('Fatima');
    await button(page(), m['join.submit']).click();
    await heading(page(), SYSTEM, 2).waitFor({ timeout: CONNECT_MS });
    await eventuallyContains(
      () => panel().getByRole('status', { name: m['presence.label'] }).textContent(),
      '2',
      SYNC_MS,
    );
    room = await present(facilitator as Peer, m, SYSTEM);

    await write(panel(), m, text.loose, m['kind.insight']);
    await write(page(), m, text.themed, m['kind.insight']);
    await expect
      .poll(() => boxTexts(panel(), m['kind.insight']), { timeout: SYNC_MS })
      .toHaveLength(2);
    // The participant makes and names the theme and moves their insight in with its Theme control.
    await button(page(), m['theme.new']).click();
    await textbox(page(), m['theme.name']).fill(text.theme);
    const mine = (await boxTexts(page(), m['kind.insight'])).indexOf(text.themed);
    await page()
      .getByRole('textbox', { name: m['kind.insight'], exact: true })
      .nth(mine)
      .locator('xpath=ancestor::li[1]')
      .getByRole('combobox', { name: m['theme.control'], exact: true })
      .selectOption({ label: text.theme });

    const theme = t('theme.group', { name: text.theme });
    for (const screen of [panel(), page()]) {
      await eventually(
        () => boxTexts(screen.getByRole('group', { name: theme, exact: true }), m['kind.insight']),
        [text.themed],
        SYNC_MS,
      );
      const loose = screen.getByRole('group', { name: m['theme.loose'], exact: true });
      expect(await boxTexts(loose, m['kind.insight'])).toEqual([text.loose]);
    }
    await heading(room, `${text.theme} (1)`, 3).waitFor({ timeout: SYNC_MS });
    await heading(room, `${m['theme.loose']} (1)`, 3).waitFor({ timeout: SYNC_MS });
    await expectAllAccessible('themes');
  });

  it('the phase editor, with Write alone first and who makes themes', async () => {
    await button(panel(), m['phase.edit']).click();
    await panel()
      .getByRole('checkbox', { name: m['phase.privateWriting'], exact: true })
      .waitFor({ timeout: UI_MS });
    const anyone = panel().getByRole('radio', { name: m['phase.themes.anyone'], exact: true });
    expect(await anyone.isChecked()).toBe(true);
    await expectNoViolations(panel(), `panel ${lang}: phase editor`);
    await button(panel(), m['session.cancel']).click();
    await heading(panel(), SYSTEM, 2).waitFor({ timeout: UI_MS });
  });

  it('writing alone first, with a draft on each device', async () => {
    await button(panel(), m['session.nextPhase']).click();
    await onEveryScreen((screen) => heading(screen, IDEAS));
    await write(panel(), m, text.panelIdea, m['draft.insight']);
    await write(page(), m, text.phoneIdea, m['draft.insight']);
    await onEveryScreen((screen) =>
      screen.getByText(t('private.draftCount', { count: 2 }), { exact: true }),
    );
    await expectAllAccessible('writing alone first');
  });

  it('revealed, voting open, one vote cast', async () => {
    await button(panel(), m['private.reveal']).click();
    await expect
      .poll(() => boxTexts(page(), m['kind.insight']), { timeout: SYNC_MS })
      .toHaveLength(2);
    await button(panel(), m['voting.start']).click();
    const left = page().getByRole('status', { name: m['voting.votesLeft'], exact: true });
    await eventually(
      () => left.textContent(),
      t('voting.votesLeftCount', { left: 3, budget: 3 }),
      SYNC_MS,
    );
    await button(page(), t('voting.addNamed', { text: text.panelIdea })).click();
    await eventually(
      () => left.textContent(),
      t('voting.votesLeftCount', { left: 2, budget: 3 }),
      UI_MS,
    );
    await onEveryScreen((screen) => screen.getByText(t('voting.open', { count: 3 })));
    await expectAllAccessible('voting open');
  });

  it('voting closed: ranked results', async () => {
    await button(panel(), m['voting.close']).click();
    await onEveryScreen((screen) =>
      screen.getByText(t('voting.rank', { rank: 1 }), { exact: true }),
    );
    await expectAllAccessible('ranked results');
  });
});
