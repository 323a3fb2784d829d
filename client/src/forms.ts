// Forms, framework-agnostic: what a generated form definition holds, reading input values into
// typed ones, checking a draft with the form's schema, and mapping a server's field errors onto the
// form's fields. The resolver for react-hook-form is in resolver.ts, the React hook in useMizanForm.ts.

import type { MizanError } from './errors';
import { NUMERIC, paramToString } from './keys';

/** How a field is rendered; `datetime` is an `<input type="datetime-local">`. */
export type FormWidget =
  | 'text'
  | 'textarea'
  | 'email'
  | 'password'
  | 'number'
  | 'checkbox'
  | 'select'
  | 'radio'
  | 'date'
  | 'time'
  | 'datetime'
  | 'url'
  | 'tel'
  | 'hidden';

/** The JSON type of a field's value, as `<form>.schema` names it. */
export type FormFieldType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'date'
  | 'datetime'
  | 'time'
  | 'duration'
  | 'uuid'
  | 'array'
  | 'object';

/** One field of a form: what it takes to render it and to read its input. */
export interface FormFieldDefinition {
  /** The JSON name: the key in the form's values and the path of its errors. */
  readonly name: string;
  readonly type: FormFieldType;
  readonly label: string;
  readonly widget: FormWidget;
  /** Whether it must have a value (not `@Nullable` or `Optional` on the server). */
  readonly required: boolean;
  /** The server's message for a missing value when its `@NotNull` has one (`'Choose a topic'`). */
  readonly requiredMessage?: string | undefined;
  readonly help?: string | undefined;
  readonly placeholder?: string | undefined;
  /** The values a select or radio offers (an enum's constants). */
  readonly choices?: readonly string[] | undefined;
  /**
   * Whether the value is a moment written with its UTC offset (`Instant`, `OffsetDateTime`, `ZonedDateTime`,
   * `Date`, `OffsetTime`): an input's local date and time is sent with the browser's offset, and a value is
   * shown in local time.
   */
  readonly offset?: boolean | undefined;
}

/** One problem a schema found: where (`['address', 'street']`) and what. */
export interface FormIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string | undefined;
  /** For a value of the wrong type: the type it had (`'null'`, `'undefined'`...). */
  readonly received?: unknown;
}

/** What a schema's `safeParse` answers; a Zod schema fits. */
export type FormParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: { readonly issues: readonly FormIssue[] } };

/** The schema that checks a form's values: the generated Zod schema of its record. */
export interface FormSchema<T> {
  safeParse(value: unknown): FormParseResult<T>;
}

/**
 * A form as the generated code describes it: its name (its server functions are `<name>.schema`,
 * `<name>.validate` and `<name>.submit`), title, fields, the schema of its record, and the name of
 * the handler's parameter that takes the record.
 *
 * @example
 * const contactForm: FormDefinition<ContactForm, Sent> = {
 *   name: 'contact',
 *   title: 'Contact Us',
 *   parameter: 'form',
 *   fields: [{ name: 'email', type: 'string', label: 'Email', widget: 'email', required: true }],
 *   schema: contactFormSchema,
 * };
 */
export interface FormDefinition<T, R = unknown> {
  readonly name: string;
  readonly title: string;
  /** The handler's parameter that takes the record: the submit sends `{ [parameter]: values }`. */
  readonly parameter: string;
  readonly fields: readonly FormFieldDefinition[];
  readonly schema: FormSchema<T>;
  /** Never set: carries the type of the submit's result, so hooks and components infer it. */
  readonly resultType?: R;
}

/** The values of a form being filled in: any field may still be empty. */
export type FormValues<T> = { [K in keyof T]?: T[K] | null | undefined };

/** Error messages by field path (`email`, `address.street`); `''` holds the form's own. */
export type FormErrors = Readonly<Record<string, string>>;

/** The key of the errors that belong to no field: a class-level constraint, a refused submit. */
export const FORM_ERROR = '';

/** The message for a required field left empty, as Bean Validation words `@NotNull`. */
export const REQUIRED_MESSAGE = 'must not be null';

/**
 * A form's starting values: each field empty (a checkbox unchecked, a required text field `''`,
 * anything else `null`), then what `given` sets.
 *
 * @example
 * initialFormValues(contactForm);                  // { name: '', email: '', topic: null, newsletter: false, ... }
 * initialFormValues(contactForm, { topic: 'SALES' });
 */
export function initialFormValues<T, R>(definition: FormDefinition<T, R>, given?: FormValues<T>): FormValues<T> {
  const values: Record<string, unknown> = {};
  for (const field of definition.fields) {
    values[field.name] = emptyValue(field);
  }
  return { ...(values as FormValues<T>), ...given };
}

function emptyValue(field: FormFieldDefinition): unknown {
  if (field.widget === 'checkbox' && field.type === 'boolean') return false;
  return field.type === 'string' && field.required && field.choices === undefined ? '' : null;
}

/**
 * Reads what an input holds as the field's value: a number field's text as a number, a checkbox's
 * state as a boolean, and an empty input as `null`, except for a required text field, where it
 * stays `''` so that `@NotBlank` gives its own message.
 *
 * @example
 * fromInput({ name: 'age', type: 'integer', widget: 'number', label: 'Age', required: false }, '42'); // 42
 * fromInput({ name: 'age', type: 'integer', widget: 'number', label: 'Age', required: false }, '');   // null
 */
export function fromInput(field: FormFieldDefinition, input: string | boolean): unknown {
  if (typeof input === 'boolean') return input;
  if (input === '') return emptyValue(field);
  if (field.type === 'integer' || field.type === 'number') {
    const text = input.trim();
    // decimal only, as JSON writes numbers: Number() also reads '0x1A', and ' ' as 0;
    // other text is left as it is, for the schema to refuse
    return text === '' ? emptyValue(field) : NUMERIC.test(text) ? Number(text) : input;
  }
  if (field.type === 'boolean') return input === 'true' || input === 'on';
  return field.offset ? withOffset(input) : input;
}

// a local date-time or time as inputs give them, seconds optional
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}T)?\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A local date-time (`2025-01-31T10:15`) or time with the seconds an `Instant` needs and the browser's offset
 * at that time (`2025-01-31T10:15:00+01:00`); other text as it is, for the schema or the server to judge.
 */
function withOffset(input: string): string {
  const match = LOCAL_TIME.exec(input);
  const minutes = -new Date(match?.[1] ? input : Date.now()).getTimezoneOffset();
  if (!match || Number.isNaN(minutes)) return input;
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  return `${input}${match[2] ? '' : ':00'}${sign}${twoDigits(hours)}:${twoDigits(Math.abs(minutes) % 60)}`;
}

/** A moment's value in the browser's local time, as a date-time or time input shows it. */
function localText(value: string): string {
  const dateTime = /^\d{4}-/.test(value);
  // a ZonedDateTime's [zone] is not read by Date; a time is read on today's date
  const at = new Date(dateTime ? value.replace(/\[.*\]$/, '') : `${new Date().toISOString().slice(0, 10)}T${value}`);
  if (Number.isNaN(at.getTime())) return value;
  // the local time, written as the UTC time of the moment moved by the offset
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString();
  const text = local.slice(0, at.getSeconds() ? 19 : 16);
  return dateTime ? text : text.slice(11);
}

/**
 * The text an input shows for a value: `''` for an empty one, and a moment of a field with `offset` in local
 * time.
 *
 * @example
 * toInputText(42);   // '42'
 * toInputText(null); // ''
 * toInputText('2025-01-31T09:15:00Z', { ...field, offset: true }); // '2025-01-31T10:15' in Paris
 */
export function toInputText(value: unknown, field?: FormFieldDefinition): string {
  if (field?.offset && typeof value === 'string') return localText(value);
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : (paramToString(value) ?? '');
}

/**
 * A schema path as the server writes it: `address.street`, `interests[0]`.
 *
 * @example
 * formPath(['address', 'street']); // 'address.street'
 * formPath(['interests', 0]);      // 'interests[0]'
 */
export function formPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : (out === '' ? '' : '.') + String(part);
  }
  return out;
}

/** The message of a schema's issue: the server's words for a missing value, else the schema's. */
export function issueMessage(issue: FormIssue, fields: readonly FormFieldDefinition[]): string {
  const empty = issue.received === 'null' || issue.received === 'undefined';
  if (issue.code !== 'invalid_type' || !empty) return issue.message;
  const field = issue.path.length === 1 ? fields.find((f) => f.name === issue.path[0]) : undefined;
  return field?.requiredMessage ?? REQUIRED_MESSAGE;
}

/** A form checked by its schema: the record to submit, or the errors by path. */
export type FormCheck<T> =
  | { readonly valid: true; readonly data: T; readonly errors: FormErrors }
  | { readonly valid: false; readonly errors: FormErrors };

/**
 * Checks values with the form's schema, in the browser: the constraints the server checks, with
 * its messages. Errors are by path, the first per path; those on the whole record under `''`.
 * Only the server checks class-level constraints and what needs its data.
 *
 * @example
 * const checked = checkForm(contactForm, { ...values, email: 'nope' });
 * if (!checked.valid) checked.errors['email']; // 'must be a well-formed email address'
 */
export function checkForm<T, R>(definition: FormDefinition<T, R>, values: unknown): FormCheck<T> {
  const parsed = definition.schema.safeParse(values);
  if (parsed.success) return { valid: true, data: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = formPath(issue.path);
    errors[path] ??= issueMessage(issue, definition.fields);
  }
  return { valid: false, errors };
}

/** The field a path belongs to: `address` for `address.street` and `tags[1]`. */
export function fieldOfPath(path: string): string {
  const end = path.search(/[.[]/);
  return end < 0 ? path : path.slice(0, end);
}

/**
 * The error to show on a field: its own, else the first one inside it (a nested record's).
 *
 * @example
 * fieldError({ 'address.street': 'must not be blank' }, 'address'); // 'must not be blank'
 */
export function fieldError(errors: FormErrors, name: string): string | undefined {
  const own = errors[name];
  if (own !== undefined) return own;
  for (const [path, message] of Object.entries(errors)) {
    if (path !== '' && path !== name && fieldOfPath(path) === name) return message;
  }
  return undefined;
}

/**
 * A failed submit's errors on the form's fields: the server's field errors (422, or the handler's
 * own `MizanException` with field errors) by path, with those on no field of the form under `''`,
 * and a failure without field errors (403, 409, network) as the form's own message.
 *
 * @example
 * // 409 with errors [{ path: 'email', message: 'this email is already subscribed' }]
 * serverFormErrors(contactForm, error); // { email: 'this email is already subscribed' }
 */
export function serverFormErrors<T, R>(definition: FormDefinition<T, R>, error: MizanError): FormErrors {
  const fields = new Set(definition.fields.map((f) => f.name));
  const prefix = definition.parameter + '.';
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const e of error.fieldErrors) {
    // a handler may name the path from its parameter: form.email; the parameter itself is the whole record
    const path = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    if (path !== definition.parameter && fields.has(fieldOfPath(path))) errors[path] ??= e.message;
    else unplaced.push(e.message);
  }
  if (unplaced.length > 0) errors[FORM_ERROR] = unplaced.join(' ');
  else if (error.fieldErrors.length === 0) errors[FORM_ERROR] = error.message;
  return errors;
}

/**
 * Reads a draft's input values as typed values, for a form whose inputs give text: each field's
 * string through `fromInput`. Other values are kept.
 *
 * @example
 * readInputs(contactForm, { age_in_years: '42', topic: '' }); // { age_in_years: 42, topic: null }
 */
export function readInputs<T, R>(definition: FormDefinition<T, R>, values: unknown): FormValues<T> {
  if (typeof values !== 'object' || values === null) return {};
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  for (const field of definition.fields) {
    const value = out[field.name];
    if (typeof value === 'string') out[field.name] = fromInput(field, value);
  }
  return out as FormValues<T>;
}
