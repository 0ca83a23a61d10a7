import { INTL_LOCALE, translator } from '../../lib/i18n/translate';
import type { Locale } from '../../lib/locale';
import type { ItemKind } from '../../lib/session/types';
import { type Template, type TemplatePhase, templateMinutes } from '../../lib/templates';
import '../../lib/i18n/workshop-messages';

/**
 * The facilitator guide of a template that has no written one (a facilitator's own): made
 * from the template's data, in the guide's language, as elements (never an HTML string).
 */
export function GeneratedGuide({ template, locale }: { template: Template; locale: Locale }) {
  const t = translator(locale);
  const minutes = templateMinutes(template);
  return (
    <>
      <h2>
        {template.name[locale]} — {t('guides.generated').toLowerCase()}
      </h2>
      <h3>{t('guides.purpose')}</h3>
      <p>{template.purpose[locale]}</p>
      <p>
        <strong>{t('guides.time')}:</strong>{' '}
        {t('guides.about', { minutes, count: template.phases.length })}
      </p>
      {template.learningQuestion && <p>{t('guides.learningQuestion')}</p>}
      <h3>{t('guides.phases')}</h3>
      {template.phases.map((phase, index) => (
        <PhaseGuide key={phase.id} phase={phase} number={index + 1} locale={locale} />
      ))}
      {template.credits[locale].trim() !== '' && (
        <>
          <h3>{t('guides.credits')}</h3>
          <p>{template.credits[locale]}</p>
        </>
      )}
    </>
  );
}

function PhaseGuide(props: { phase: TemplatePhase; number: number; locale: Locale }) {
  const { phase, locale } = props;
  const t = translator(locale);
  return (
    <section class="guide-phase">
      <h4>
        {t('guides.phaseTitle', {
          number: props.number,
          title: phase.title[locale],
          minutes: phase.minutes,
        })}
      </h4>
      <p>
        <strong>{t('guides.prompt')}:</strong> {phase.prompt[locale]}
      </p>
      {phase.notes[locale].trim() !== '' && (
        <>
          <p class="guide-label">
            <strong>{t('guides.notes')}:</strong>
          </p>
          {paragraphs(phase.notes[locale]).map((text) => (
            <p key={text}>{text}</p>
          ))}
        </>
      )}
      <p class="guide-label">
        <strong>{t('guides.settings')}:</strong>
      </p>
      <ul>
        {phaseSettings(phase, locale).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** Notes are plain text; a blank line starts a new paragraph. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** What the phase's facilitation settings do, one sentence each. */
export function phaseSettings(phase: TemplatePhase, locale: Locale): string[] {
  const t = translator(locale);
  const lines: string[] = [];
  if (phase.review) lines.push(t('guides.review'));
  lines.push(
    phase.kinds.length === 0
      ? t('guides.collectsNothing')
      : t('guides.collects', { kinds: kindList(phase.kinds, locale) }),
  );
  if (phase.privateWriting) lines.push(t('guides.privateWriting'));
  if (phase.themes === 'facilitator') lines.push(t('guides.themes.facilitator'));
  if (phase.themes === 'anyone') lines.push(t('guides.themes.anyone'));
  if (phase.voting) {
    lines.push(t('guides.voting', { count: phase.voting.budget }));
    if (phase.voting.maxPerItem !== undefined) {
      lines.push(t('guides.votingMax', { count: phase.voting.maxPerItem }));
    }
  }
  return lines;
}

function kindList(kinds: readonly ItemKind[], locale: Locale): string {
  const t = translator(locale);
  const names = kinds.map((kind) => t(`guides.kind.${kind}`));
  return new Intl.ListFormat(INTL_LOCALE[locale], { type: 'conjunction' }).format(names);
}
