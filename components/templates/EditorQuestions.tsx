import { LOCALES, type Locale } from '../../lib/locale';
import { useT } from '../app-context';
import { LANGUAGE_NAMES } from '../language-names';
import '../../lib/i18n/workshop-messages';
import { focusOnMount } from '../focus-on-mount';

/** Which languages the form shows. At least one: the last one cannot be switched off. */
export function LanguageChoice({
  value,
  onChange,
}: {
  value: readonly Locale[];
  onChange: (languages: readonly Locale[]) => void;
}) {
  const t = useT();
  return (
    <fieldset class="tpl-languages" aria-describedby="tpl-languages-hint">
      <legend>{t('tpl.languages')}</legend>
      <div class="row">
        {LOCALES.map((language) => {
          const on = value.includes(language);
          return (
            <label key={language} class="check">
              <input
                type="checkbox"
                checked={on}
                disabled={on && value.length === 1}
                onChange={(e) =>
                  onChange(
                    LOCALES.filter((l) =>
                      l === language ? e.currentTarget.checked : value.includes(l),
                    ),
                  )
                }
              />
              {LANGUAGE_NAMES[language]}
            </label>
          );
        })}
      </div>
      <p id="tpl-languages-hint" class="hint">
        {t('tpl.languagesHint')}
      </p>
    </fieldset>
  );
}

/**
 * Save with texts in one language: a template kept on the device holds both, so the person
 * chooses how the other is filled, rather than Kring guessing or storing a broken file.
 */
export function OneLanguageQuestion({
  only,
  onSameTexts,
  onWriteOther,
}: {
  only: Locale;
  onSameTexts: () => void;
  onWriteOther: () => void;
}) {
  const t = useT();
  return (
    <div class="confirm tpl-question" role="alertdialog" aria-labelledby="tpl-one-language">
      <p id="tpl-one-language">{t(`tpl.oneLanguage.${only}`)}</p>
      <div class="row">
        <button type="button" class="primary" ref={focusOnMount} onClick={onSameTexts}>
          {t(`tpl.sameTexts.${only}`)}
        </button>
        <button type="button" class="secondary" onClick={onWriteOther}>
          {t(`tpl.writeOther.${only}`)}
        </button>
      </div>
    </div>
  );
}

/** The back button (or Cancel) pressed with unsaved changes: ask before they are lost. */
export function LeaveQuestion({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const t = useT();
  return (
    <div class="confirm tpl-question" role="alertdialog" aria-labelledby="tpl-leave-question">
      <p id="tpl-leave-question">{t('tpl.leaveConfirm')}</p>
      <div class="row">
        <button type="button" class="danger" onClick={onLeave}>
          {t('tpl.leaveYes')}
        </button>
        <button type="button" class="secondary" ref={focusOnMount} onClick={onStay}>
          {t('tpl.leaveNo')}
        </button>
      </div>
    </div>
  );
}
