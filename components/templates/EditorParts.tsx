import type { Locale, LocalizedText } from '../../lib/locale';
import { CheckboxField } from '../CheckboxField';
import { Field } from '../Field';
import { LANGUAGE_NAMES } from '../language-names';
import { domIdOf, type FieldProblem, invalidProps, problemsAt } from './problem-fields';

/** The validator's problems with one field, right under it; the control points here. */
export function ProblemText({
  problems,
  field,
}: {
  problems: readonly FieldProblem[];
  field: string;
}) {
  const here = problemsAt(problems, field);
  if (here.length === 0) return null;
  return (
    <ul id={`${domIdOf(field)}-problem`} class="error field-problem">
      {here.map((problem, index) => (
        <li key={index}>{problem.message}</li>
      ))}
    </ul>
  );
}

/**
 * One text of the template in each language the form shows, labelled with the language:
 * "Name (English)", "Name (Nederlands)". `field` is the text's path in the file ('name',
 * 'phases[0].prompt'); each language's control has its own id and problems.
 */
export function LocalizedField({
  field,
  label,
  value,
  languages,
  multiline = false,
  maxLength,
  problems,
  onChange,
}: {
  field: string;
  label: (language: string) => string;
  value: LocalizedText;
  languages: readonly Locale[];
  multiline?: boolean;
  maxLength: number;
  problems: readonly FieldProblem[];
  onChange: (value: LocalizedText) => void;
}) {
  return (
    <>
      {languages.map((language) => {
        const path = `${field}.${language}`;
        const id = domIdOf(path);
        const common = {
          id,
          lang: language,
          value: value[language],
          maxLength,
          ...invalidProps(problems, path),
          onInput: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
            onChange({ ...value, [language]: e.currentTarget.value }),
        };
        return (
          <Field key={language} id={id} label={label(LANGUAGE_NAMES[language])}>
            {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
            <ProblemText problems={problems} field={path} />
          </Field>
        );
      })}
    </>
  );
}

/** A checkbox with a hint under it, and the problems of its value. */
export function CheckField({
  field,
  label,
  hint,
  checked,
  problems,
  onChange,
}: {
  field: string;
  label: string;
  hint?: string;
  checked: boolean;
  problems: readonly FieldProblem[];
  onChange: (checked: boolean) => void;
}) {
  const id = domIdOf(field);
  const aria = invalidProps(problems, field, hint ? `${id}-hint` : undefined);
  return (
    <CheckboxField
      id={id}
      label={label}
      hint={hint}
      checked={checked}
      onChange={onChange}
      describedBy={aria['aria-describedby']}
      invalid={aria['aria-invalid']}
    >
      <ProblemText problems={problems} field={field} />
    </CheckboxField>
  );
}

/** A whole-number box (minutes, version, votes) with its problems. */
export function NumberField({
  field,
  label,
  hint,
  value,
  min,
  max,
  problems,
  onChange,
}: {
  field: string;
  label: string;
  hint?: string;
  value: string;
  min: number;
  max?: number;
  problems: readonly FieldProblem[];
  onChange: (value: string) => void;
}) {
  const id = domIdOf(field);
  return (
    <Field id={id} label={label} hint={hint}>
      <input
        id={id}
        class="number-input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        {...invalidProps(problems, field, hint ? `${id}-hint` : undefined)}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      <ProblemText problems={problems} field={field} />
    </Field>
  );
}
