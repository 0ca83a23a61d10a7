import { translator } from '../../lib/i18n/translate';
import type { Locale } from '../../lib/locale';
import { type Template, templateMinutes } from '../../lib/templates';
import { JoinBox } from './JoinBox';
import '../../lib/i18n/workshop-messages';

/**
 * The handout of a template without a written one (a facilitator's own), from its data: name,
 * purpose, how to join, the phases with their time and question, and short ground rules.
 */
export function GeneratedHandout(props: {
  template: Template;
  locale: Locale;
  code?: string;
  link?: string;
}) {
  const { template, locale } = props;
  const t = translator(locale);
  return (
    <>
      <h1>{template.name[locale]}</h1>
      <p>
        <strong>{t('handout.today', { minutes: templateMinutes(template) })}</strong>
      </p>
      <p>{template.purpose[locale]}</p>
      <h2>{t('handout.join')}</h2>
      <JoinBox t={t} code={props.code} link={props.link} />
      <ol>
        <li>{t('handout.scan')}</li>
        <li>{t('handout.steps')}</li>
      </ol>
      <h2>{t('handout.phases')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('handout.phase')}</th>
            <th scope="col">{t('handout.time')}</th>
            <th scope="col">{t('handout.question')}</th>
          </tr>
        </thead>
        <tbody>
          {template.phases.map((phase, index) => (
            <tr key={phase.id}>
              <td>{index + 1}</td>
              <td>{phase.title[locale]}</td>
              <td class="nowrap">{t('handout.minutes', { count: phase.minutes })}</td>
              <td>{phase.prompt[locale]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('handout.rules')}</h2>
      <ul>
        <li>{t('handout.rule.listen')}</li>
        <li>{t('handout.rule.anonymous')}</li>
        <li>{t('handout.rule.short')}</li>
      </ul>
      <p>{t('handout.harvest')}</p>
      {template.credits[locale].trim() !== '' && (
        <p class="credits">
          <em>{template.credits[locale]}</em>
        </p>
      )}
    </>
  );
}
