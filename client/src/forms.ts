// Forms, framework-agnostic: what a generated form definition holds, reading input values into
// typed ones, checking a draft with the form's schema, mapping a server's field errors onto the
// form's fields, and a resolver for react-hook-form. The React hook is in useMizanForm.ts.

import type { MizanError } from './errors';

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
    const n = Number(input);
    return Number.isNaN(n) ? input : n; // left as text, the schema says it is no number
  }
  if (field.type === 'boolean') return input === 'true' || input === 'on';
  return input;
}

/**
 * The text an input shows for a value: `''` for an empty one.
 *
 * @example
 * toInputText(42);   // '42'
 * toInputText(null); // ''
 */
export function toInputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
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
    if (typeof part === 'number') out += `[${part}]`;
    else out += (out === '' ? '' : '.') + String(part);
  }
  return out;
}

function issueMessage(issue: FormIssue, fields: readonly FormFieldDefinition[]): string {
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
    // a handler may name the path from its parameter: form.email
    let path = e.path.startsWith(prefix) ? e.path.slice(prefix.length) : e.path;
    if (path === definition.parameter) path = FORM_ERROR;
    if (path !== '' && fields.has(fieldOfPath(path))) errors[path] ??= e.message;
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

/** One error as react-hook-form keeps it. */
export interface ResolverFieldError {
  type: string;
  message: string;
  /** All the messages of the path by type, when `criteriaMode` is `'all'`. */
  types?: Record<string, string>;
}

/** Errors nested as the values are: `{ address: { street: { type, message } }, tags: [{ ... }] }`. */
export interface ResolverErrors {
  [key: string]: ResolverFieldError | ResolverErrors | (ResolverErrors | ResolverFieldError | undefined)[] | undefined;
}

/** The options react-hook-form gives a resolver, as far as this one reads them. */
export interface ResolverOptionsLike {
  /** `'all'` collects every message of a path in `types`. */
  readonly criteriaMode?: 'firstError' | 'all' | undefined;
  /** Not followed: the messages are shown by the page, not by the browser's own bubbles. */
  readonly shouldUseNativeValidation?: boolean | undefined;
}

/** What the resolver answers: the typed record, or the errors. */
export type MizanResolverResult<T, E> =
  | { values: T; errors: Record<string, never> }
  | { values: Record<string, never>; errors: E };

/**
 * The resolver function; react-hook-form's `Resolver` type accepts it. Its values are typed as the
 * form's, so `useForm` infers them (and its errors) from it.
 */
export type MizanResolver<T, E> = (
  values: FormValues<T>,
  context: unknown,
  options: ResolverOptionsLike,
) => Promise<MizanResolverResult<T, E>>;

/**
 * A react-hook-form resolver that checks with the form's schema. Text inputs are read as their
 * fields' types first (`readInputs`), so `register('age')` on a number input needs no
 * `valueAsNumber` and `handleSubmit` gets the typed record. Errors come nested, as react-hook-form
 * keeps them, with the messages `useMizanForm` shows; those on the whole record under `root`.
 * `E`, the errors' type, is react-hook-form's `FieldErrors` where `useForm` gives it.
 *
 * @example
 * const { register, handleSubmit, setError, formState } = useForm({ resolver: mizanResolver(contactForm) });
 * const contact = useContactForm();
 * const onSubmit = handleSubmit(async (form) => {
 *   try { await contact.submitValues(form); }
 *   catch (e) { if (isMizanError(e)) setServerErrors(contactForm, e, setError); }
 * });
 * <input {...register('email')} aria-invalid={formState.errors.email !== undefined} />
 */
export function mizanResolver<T, R = unknown, E = ResolverErrors>(
  definition: FormDefinition<T, R>,
): MizanResolver<T, E> {
  return async (values, _context, options) => {
    const parsed = definition.schema.safeParse(readInputs(definition, values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const all = options.criteriaMode === 'all';
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const message = issueMessage(issue, definition.fields);
      const type = issue.code ?? 'schema';
      const path = issue.path.length === 0 ? ['root'] : issue.path;
      const existing = nestedGet(errors, path);
      if (existing === undefined) {
        nestedSet(errors, path, all ? { type, message, types: { [type]: message } } : { type, message });
      } else if (all && existing.types !== undefined) {
        existing.types[type] ??= message;
      }
    }
    // built as react-hook-form nests its FieldErrors of the form's values
    return { values: {}, errors: errors as E };
  };
}

/**
 * Puts a failed submit's errors into react-hook-form, with its `setError`: on the fields the
 * server named, and the form's own message under `root.server`.
 *
 * @example
 * try { await contact.submitValues(form); }
 * catch (e) { if (isMizanError(e)) setServerErrors(contactForm, e, setError); }
 */
export function setServerErrors<T, R>(
  definition: FormDefinition<T, R>,
  error: MizanError,
  setError: (name: never, error: { type: string; message: string }) => void,
): void {
  for (const [path, message] of Object.entries(serverFormErrors(definition, error))) {
    // react-hook-form types the name as a path of the values; these are the server's paths of the same form
    setError((path === FORM_ERROR ? 'root.server' : path) as never, { type: 'server', message });
  }
}

function isLeaf(value: unknown): value is ResolverFieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

function nestedGet(errors: Record<string, unknown>, path: readonly PropertyKey[]): ResolverFieldError | undefined {
  let at: unknown = errors;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[String(key)];
  }
  return isLeaf(at) ? at : undefined;
}

/** Sets a leaf, making objects (or arrays, before an index) on the way; the first error of a path wins. */
function nestedSet(errors: Record<string, unknown>, path: readonly PropertyKey[], leaf: ResolverFieldError): void {
  let at = errors;
  for (let i = 0; i < path.length - 1; i++) {
    const key = String(path[i]);
    const next = at[key];
    if (isLeaf(next)) return; // the path's parent has its own error already
    if (typeof next !== 'object' || next === null) {
      at[key] = typeof path[i + 1] === 'number' ? [] : {};
    }
    at = at[key] as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  at[last] ??= leaf;
}
