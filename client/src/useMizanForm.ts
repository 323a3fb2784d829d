// React binding of a form: its values, errors and submit as state, over the mutation machinery of
// react.tsx. What does not need React (reading inputs, checking, mapping errors) is in forms.ts.

import { useCallback, useMemo, useRef, useState } from 'react';
import { MizanError, isMizanError } from './errors';
import type { FieldError } from './errors';
import {
  FORM_ERROR,
  checkForm,
  fieldError,
  fieldOfPath,
  initialFormValues,
  serverFormErrors,
} from './forms';
import type { FormDefinition, FormErrors, FormFieldDefinition, FormValues } from './forms';
import { fieldProps } from './fieldProps';
import type { FormFieldProps } from './fieldProps';
import { useMizanMutation } from './mutations';
import { useMizanClient } from './react';

/** Options of `useMizanForm` and of the generated form hooks. */
export interface MizanFormOptions<T, R> {
  /** Values to start with (and to go back to on `reset()`), over the empty ones. */
  initialValues?: FormValues<T> | undefined;
  /** Called after a successful submit, once the contexts it changed were refreshed. */
  onSuccess?: ((result: R, values: T, invalidated: string[]) => unknown) | undefined;
  /** Called when the server refused the submit; the errors are on the form already. */
  onError?: ((error: MizanError, values: T) => unknown) | undefined;
  /** Keep `isSubmitting` true until the invalidated contexts were refetched. Default `true`. */
  awaitInvalidation?: boolean | undefined;
}

/** What `useMizanForm` returns. */
export interface MizanFormState<T, R> {
  readonly definition: FormDefinition<T, R>;
  /** The values as typed: numbers, booleans, `null` for an empty field. */
  readonly values: FormValues<T>;
  /**
   * The errors to show, by field path, `''` for the form's own: the schema's on the fields touched
   * (all of them once a submit was tried), and the server's from the last submit until their field
   * changes.
   */
  readonly errors: FormErrors;
  /** The fields that lost focus once (all of them after a submit was tried). */
  readonly touched: Readonly<Record<string, boolean>>;
  /** Whether the values pass the schema (the server may still refuse them). */
  readonly isValid: boolean;
  /** Sets a field's value; drops the server's error on it. */
  setValue<K extends keyof T & string>(name: K, value: T[K] | null | undefined): void;
  /** Marks a field touched, so its errors show: what leaving it does. */
  touch(name: keyof T & string): void;
  /**
   * Props for a plain input of the field; with a `choice`, for the radio button of that choice.
   * Checkboxes get `checked`, other inputs `value` as text; changes are read as the field's type.
   */
  field(name: keyof T & string, choice?: string): FormFieldProps;
  /** Shows every field's errors; true when the schema passes. */
  validate(): boolean;
  /**
   * Checks the fields touched so far (all of them once a submit was tried) on the server with
   * `<form>.validate`, which also checks class-level constraints when every field is given, and
   * shows its errors. Resolves to whether they are valid.
   */
  validateOnServer(): Promise<boolean>;
  /**
   * Submits: prevents the event's default, checks with the schema (showing every error), then calls
   * `<form>.submit` and refreshes what it changed. Resolves to the result, or `undefined` when the
   * form or the server refused; never rejects with a `MizanError`.
   */
  submit(event?: { preventDefault(): void }): Promise<R | undefined>;
  /**
   * Calls `<form>.submit` with a record checked elsewhere (react-hook-form's `handleSubmit`);
   * rejects with the `MizanError`, whose field errors also land in `errors`.
   */
  submitValues(values: T): Promise<R>;
  readonly isSubmitting: boolean;
  /** The result of the last successful submit. */
  readonly result: R | undefined;
  /** The invalidation keys of the last successful submit. */
  readonly invalidated: string[];
  /** Why the last submit failed; its field errors are in `errors`. */
  readonly submitError: MizanError | null;
  /** Back to the initial values (or these), with no errors, nothing touched and no result. */
  reset(values?: FormValues<T>): void;
}

const NOTHING: FormErrors = {};

/** The errors without those of one field (the same object when it had none). */
function withoutField(errors: FormErrors, name: string): FormErrors {
  const paths = Object.keys(errors).filter((path) => path !== FORM_ERROR && fieldOfPath(path) === name);
  if (paths.length === 0) return errors;
  const out = { ...errors };
  for (const path of paths) delete out[path];
  return out;
}

function definitionOf(definition: FormDefinition<unknown, unknown>, name: string): FormFieldDefinition {
  const field = definition.fields.find((f) => f.name === name);
  if (!field) throw new Error(`The form ${definition.name} has no field ${name}.`);
  return field;
}

/**
 * A form's state and submit, for plain inputs: typed values, errors from the form's schema as the
 * user goes (a field's once it was left, every field's on submit) and the server's mapped onto
 * the same fields, the submit's progress and result, and a reset. The submit is a mutation: the
 * contexts it changes are refetched, as with `useMizanMutation`. Generated form hooks
 * (`useContactForm()`) call it.
 *
 * @example
 * function Contact() {
 *   const form = useMizanForm(contactForm, { onSuccess: (sent) => toast(`Ticket ${sent.ticket}`) });
 *   return (
 *     <form onSubmit={form.submit} noValidate>
 *       <label htmlFor="email">Email</label>
 *       <input id="email" type="email" {...form.field('email')} />
 *       {form.errors['email'] && <p>{form.errors['email']}</p>}
 *       <input type="checkbox" {...form.field('newsletter')} />
 *       {form.errors[''] && <p role="alert">{form.errors['']}</p>}
 *       <button disabled={form.isSubmitting}>Send</button>
 *     </form>
 *   );
 * }
 */
export function useMizanForm<T, R>(
  definition: FormDefinition<T, R>,
  options: MizanFormOptions<T, R> = {},
): MizanFormState<T, R> {
  const client = useMizanClient();
  const [values, setValues] = useState<FormValues<T>>(() => initialFormValues(definition, options.initialValues));
  // The values as of the last change, for a submit in the same event as the change.
  const current = useRef(values);
  const [touched, setTouched] = useState<Readonly<Record<string, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>(NOTHING);
  const submitting = useRef(false);
  // Counts resets and server checks: an answer to an older one is not shown on the form as it is now.
  const resets = useRef(0);
  const checks = useRef(0);

  // The latest callbacks, read when a submit settles, so that new ones need no new mutation.
  const latest = useRef(options);
  latest.current = options;
  const { parameter } = definition;
  const mutation = useMizanMutation<Record<string, T>, R>(definition.name + '.submit', {
    awaitInvalidation: options.awaitInvalidation,
    onSuccess: (result, args, invalidated) => latest.current.onSuccess?.(result, args[parameter] as T, invalidated),
    onError: (error, args) => latest.current.onError?.(error, args[parameter] as T),
  });
  const { mutateAsync, reset: resetMutation } = mutation;

  const checked = useMemo(() => checkForm(definition, values), [definition, values]);
  const shownTouched = useMemo(() => {
    if (!submitted) return touched;
    const all: Record<string, boolean> = { ...touched };
    for (const f of definition.fields) all[f.name] = true;
    return all;
  }, [definition, submitted, touched]);
  const errors = useMemo(() => {
    const shown: Record<string, string> = { ...serverErrors };
    for (const [path, message] of Object.entries(checked.errors)) {
      if (submitted || (path !== FORM_ERROR && touched[fieldOfPath(path)] === true)) shown[path] = message;
    }
    return shown;
  }, [checked, serverErrors, touched, submitted]);

  const put = useCallback((name: string, value: unknown) => {
    const next = { ...current.current, [name]: value } as FormValues<T>;
    current.current = next;
    setValues(next);
    setServerErrors((previous) => withoutField(previous, name));
  }, []);

  const touch = useCallback((name: string) => {
    setTouched((previous) => (previous[name] === true ? previous : { ...previous, [name]: true }));
  }, []);

  const field = (name: string, choice?: string): FormFieldProps =>
    fieldProps(
      definitionOf(definition, name),
      (values as Record<string, unknown>)[name],
      fieldError(errors, name) !== undefined,
      (value) => put(name, value),
      () => touch(name),
      choice,
    );

  const validate = useCallback(() => {
    setSubmitted(true);
    return checkForm(definition, current.current).valid;
  }, [definition]);

  const validateOnServer = useCallback(async () => {
    const given: Record<string, unknown> = {};
    for (const f of definition.fields) {
      if (shownTouched[f.name] === true) given[f.name] = (current.current as Record<string, unknown>)[f.name];
    }
    const asked = [++checks.current, resets.current];
    const { result } = await client.call<{ valid: boolean; errors: FieldError[] } | null>(definition.name + '.validate', {
      [parameter]: given,
    });
    // read as a problem's errors are: what is not a field error is left out
    const found = MizanError.fromProblem({ status: 422, errors: result?.errors });
    if (asked[0] === checks.current && asked[1] === resets.current) {
      setServerErrors(found.fieldErrors.length === 0 ? NOTHING : serverFormErrors(definition, found));
    }
    return result?.valid === true;
  }, [client, definition, parameter, shownTouched]);

  const submitValues = useCallback(
    async (record: T) => {
      setServerErrors(NOTHING);
      const round = resets.current;
      try {
        return await mutateAsync({ [parameter]: record });
      } catch (error) {
        if (isMizanError(error) && round === resets.current) setServerErrors(serverFormErrors(definition, error));
        throw error;
      }
    },
    [definition, mutateAsync, parameter],
  );

  const submit = useCallback(
    async (event?: { preventDefault(): void }) => {
      event?.preventDefault();
      if (submitting.current) return undefined;
      setSubmitted(true);
      const check = checkForm(definition, current.current);
      if (!check.valid) return undefined;
      submitting.current = true;
      const round = resets.current;
      try {
        return await submitValues(check.data);
      } catch (error) {
        if (isMizanError(error)) return undefined; // shown in errors and submitError
        throw error;
      } finally {
        // after a reset, a new submit may be under way: it is its own to end
        if (round === resets.current) submitting.current = false;
      }
    },
    [definition, submitValues],
  );

  const reset = useCallback(
    (next?: FormValues<T>) => {
      const start = initialFormValues(definition, next ?? latest.current.initialValues);
      resets.current++;
      submitting.current = false;
      current.current = start;
      setValues(start);
      setTouched({});
      setSubmitted(false);
      setServerErrors(NOTHING);
      resetMutation();
    },
    [definition, resetMutation],
  );

  return {
    definition,
    values,
    errors,
    touched: shownTouched,
    isValid: checked.valid,
    setValue: put,
    touch,
    field,
    validate,
    validateOnServer,
    submit,
    submitValues,
    isSubmitting: mutation.isPending,
    result: mutation.data,
    invalidated: mutation.invalidated,
    submitError: mutation.error,
    reset,
  };
}
