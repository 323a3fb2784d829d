// A form rendered from its definition alone: every widget, with label, help, placeholder and
// errors, accessible and unstyled (class names only). Built on useMizanForm.

import { useId } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { FORM_ERROR, fieldError } from './forms';
import type { FormDefinition, FormFieldDefinition } from './forms';
import { useMizanForm } from './useMizanForm';
import type { MizanFormOptions, MizanFormState } from './useMizanForm';

/** How a choice of a select or radio group reads: `IN_PROGRESS` as "In progress". */
export function humanizeChoice(choice: string): string {
  const words = choice
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? choice : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Props of `MizanField`. */
export interface MizanFieldProps<T, R> {
  /** The form's state, from `useMizanForm` or a generated hook. */
  form: MizanFormState<T, R>;
  /** The field's name. */
  name: keyof T & string;
  /** Prefix of the element ids, unique on the page. Default: one from `useId()`. */
  idPrefix?: string | undefined;
  /** The text of a choice. Default `humanizeChoice`. */
  choiceLabel?: ((field: FormFieldDefinition, choice: string) => string) | undefined;
}

/**
 * One field of a form, rendered by its widget: label, input, help and error, wrapped in
 * `<div class="mizan-field mizan-field-<widget>">`. The input's `aria-describedby` names the help
 * and the error; `aria-invalid` is set while it has an error. For layouts of one's own.
 *
 * @example
 * const form = useContactForm();
 * <form onSubmit={form.submit} noValidate>
 *   <MizanField form={form} name="email" />
 *   <MizanField form={form} name="message" />
 *   <button>Send</button>
 * </form>
 */
export function MizanField<T, R>({
  form,
  name,
  idPrefix,
  choiceLabel = (_field: FormFieldDefinition, choice: string) => humanizeChoice(choice),
}: MizanFieldProps<T, R>): ReactElement | null {
  const generated = useId();
  const prefix = idPrefix ?? generated;
  const field = form.definition.fields.find((f) => f.name === name);
  if (!field) return null;
  const { widget } = field;
  const id = `${prefix}-${field.name}`;
  const error = fieldError(form.errors, field.name);
  const helpId = field.help !== undefined ? `${id}-help` : undefined;
  const errorId = error !== undefined ? `${id}-error` : undefined;
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  const input = form.field(name);
  const own = {
    ...input,
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': describedBy,
    // a required checkbox only has to be true or false, which it always is
    'aria-required': (field.required && widget !== 'checkbox') || undefined,
    className: 'mizan-field-input',
  };
  const choices = field.choices ?? [];
  const help = helpId && (
    <p id={helpId} className="mizan-field-help">
      {field.help}
    </p>
  );
  const message = errorId && (
    <p id={errorId} className="mizan-field-error">
      {error}
    </p>
  );
  const className = `mizan-field mizan-field-${widget}${error !== undefined ? ' mizan-field-invalid' : ''}`;
  const label = (
    <label htmlFor={id} className="mizan-field-label">
      {field.label}
    </label>
  );

  let control: ReactNode;
  switch (widget) {
    case 'hidden':
      return <input {...input} id={id} type="hidden" />;
    case 'radio':
      return (
        <fieldset className={className} aria-describedby={describedBy}>
          <legend className="mizan-field-label">{field.label}</legend>
          {choices.map((choice) => (
            <label key={choice} className="mizan-field-choice">
              <input {...form.field(name, choice)} id={`${id}-${choice}`} className="mizan-field-input" />
              {choiceLabel(field, choice)}
            </label>
          ))}
          {help}
          {message}
        </fieldset>
      );
    case 'select':
      control = (
        <select {...own}>
          <option value="">{field.placeholder ?? ''}</option>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choiceLabel(field, choice)}
            </option>
          ))}
        </select>
      );
      break;
    case 'textarea':
      control = <textarea {...own} placeholder={field.placeholder} />;
      break;
    default:
      control = (
        <input
          {...own}
          type={widget === 'datetime' ? 'datetime-local' : widget}
          placeholder={field.placeholder}
          step={widget === 'number' && field.type === 'number' ? 'any' : undefined}
        />
      );
  }
  // a checkbox comes before its label
  const checkbox = widget === 'checkbox';
  return (
    <div className={className}>
      {checkbox ? control : label}
      {checkbox ? label : control}
      {help}
      {message}
    </div>
  );
}

/** Props of `MizanForm`: the form, the hook's options, and what to show. */
export interface MizanFormProps<T, R> extends MizanFormOptions<T, R> {
  /** The generated definition (`contactForm`). */
  definition: FormDefinition<T, R>;
  /** The submit button's text. Default "Submit". */
  submitLabel?: string | undefined;
  /** Show the title as an `<h2>`. Default `true`. */
  showTitle?: boolean | undefined;
  /** A class added to the form's own, `mizan-form`. */
  className?: string | undefined;
  /** The text of a choice. Default `humanizeChoice`. */
  choiceLabel?: ((field: FormFieldDefinition, choice: string) => string) | undefined;
  /** Shown under the fields, before the button: a node, or a function of the form's state. */
  children?: ReactNode | ((form: MizanFormState<T, R>) => ReactNode);
}

/**
 * Renders any form from its generated definition: the title, every field by its widget, the
 * form's own error, and a submit button (disabled while submitting). Checks and submits as
 * `useMizanForm` does. Unstyled; class names `mizan-form`, `mizan-field`, `mizan-field-<widget>`,
 * `mizan-field-invalid`, `mizan-field-label`, `mizan-field-input`, `mizan-field-help`,
 * `mizan-field-error`, `mizan-form-error`, `mizan-form-submit`.
 *
 * @example
 * <MizanForm definition={contactForm} submitLabel="Send" onSuccess={(sent) => navigate(`/tickets/${sent.ticket}`)}>
 *   {(form) => form.result && <p role="status">Thanks! Ticket {form.result.ticket}</p>}
 * </MizanForm>
 */
export function MizanForm<T, R>({
  definition,
  submitLabel,
  showTitle,
  className,
  choiceLabel,
  children,
  ...options
}: MizanFormProps<T, R>): ReactElement {
  const form = useMizanForm(definition, options);
  const prefix = useId();
  // a hidden field has nowhere to show its error: it joins the form's own
  const messages = [
    form.errors[FORM_ERROR],
    ...definition.fields.filter((f) => f.widget === 'hidden').map((f) => fieldError(form.errors, f.name)),
  ];
  const formError = messages.some((m) => m !== undefined) ? messages.filter(Boolean).join(' ') : undefined;
  const titleId = `${prefix}-title`;
  return (
    <form
      className={className ? `mizan-form ${className}` : 'mizan-form'}
      noValidate
      onSubmit={(event) => void form.submit(event)}
      aria-labelledby={showTitle === false ? undefined : titleId}
      aria-busy={form.isSubmitting}
    >
      {showTitle !== false && (
        <h2 id={titleId} className="mizan-form-title">
          {definition.title}
        </h2>
      )}
      {definition.fields.map((field) => (
        <MizanField
          key={field.name}
          form={form}
          name={field.name as keyof T & string}
          idPrefix={prefix}
          choiceLabel={choiceLabel}
        />
      ))}
      {formError !== undefined && (
        <p className="mizan-form-error" role="alert">
          {formError}
        </p>
      )}
      {typeof children === 'function' ? children(form) : children}
      <button
        type="submit"
        className="mizan-form-submit"
        disabled={form.isSubmitting}
        // focus stays in the field on a press: its error would otherwise appear on blur, above the
        // button, and move the button from under the pointer before the click lands
        onMouseDown={(event) => event.preventDefault()}
      >
        {submitLabel ?? 'Submit'}
      </button>
    </form>
  );
}
