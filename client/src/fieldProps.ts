// The props that bind a plain input to a form's field: its value or checked state as text, a change
// read as the field's type, and a leave that marks it touched.

import type { ChangeEvent } from 'react';
import { fromInput, toInputText } from './forms';
import type { FormFieldDefinition } from './forms';

/** Props for a plain `<input>`, `<select>` or `<textarea>`: spread them onto it. */
export interface FormFieldProps {
  name: string;
  /** The text shown; absent for a checkbox. */
  value?: string;
  /** Whether a checkbox or radio button is checked. */
  checked?: boolean;
  /** Set for a checkbox and a radio button, which need it. */
  type?: 'checkbox' | 'radio';
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  /** Marks the field touched, unless focus moves to a submit button (see {@link leavesForSubmit}). */
  onBlur: (event?: { relatedTarget: EventTarget | null }) => void;
  'aria-invalid': boolean;
}

/**
 * Props for a plain input of `field`, whose value is `value`: a checkbox's `checked`, a radio
 * button's for `choice`, else `value` as text. `put` takes the new value, read as the field's type;
 * `touch` marks the field touched.
 *
 * @example
 * <input {...fieldProps(emailField, values.email, false, (v) => set('email', v), () => touch('email'))} />
 */
export function fieldProps(
  field: FormFieldDefinition,
  value: unknown,
  invalid: boolean,
  put: (value: unknown) => void,
  touch: () => void,
  choice?: string,
): FormFieldProps {
  const common = {
    name: field.name,
    onBlur: (event?: { relatedTarget: EventTarget | null }) => {
      if (!leavesForSubmit(event)) touch();
    },
    'aria-invalid': invalid,
  };
  if (choice !== undefined) {
    return { ...common, type: 'radio', value: choice, checked: value === choice, onChange: () => put(choice) };
  }
  if (field.widget === 'checkbox') {
    return {
      ...common,
      type: 'checkbox',
      checked: value === true,
      onChange: (event) => put(fromInput(field, (event.target as HTMLInputElement).checked)),
    };
  }
  return {
    ...common,
    value: toInputText(value, field),
    onChange: (event) => put(fromInput(field, event.target.value)),
  };
}

/**
 * Whether a field loses focus to a submit button: the press of that button is under way. Showing
 * the field's error now would insert a line above the button and move it from under the pointer
 * before the mouse is released, so the click (and the submit) would be lost; the submit shows every
 * error anyway. Browsers that do not focus a button on click (Safari) give no `relatedTarget`:
 * `<MizanForm>` keeps focus in the field on its button's mouse-down for them.
 */
function leavesForSubmit(event: { relatedTarget: EventTarget | null } | undefined): boolean {
  const next = event?.relatedTarget as { tagName?: unknown; type?: unknown } | null | undefined;
  return next?.tagName === 'BUTTON' && next.type === 'submit';
}
