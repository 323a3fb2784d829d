// Forms with react-hook-form: a resolver that checks with the form's schema, and the server's errors
// put into react-hook-form's own state. Nothing here imports react-hook-form.

import type { MizanError } from './errors';
import { FORM_ERROR, issueMessage, readInputs, serverFormErrors } from './forms';
import { isRecord } from './isRecord';
import type { FormDefinition, FormValues } from './forms';

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
      const leaf: ResolverFieldError = all ? { type, message, types: { [type]: message } } : { type, message };
      const placed = place(errors, path, leaf);
      // the path had its error already: with criteriaMode 'all', this one joins its types
      if (all && placed?.types && placed !== leaf) placed.types[type] ??= message;
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
  return isRecord(value) && typeof value['message'] === 'string' && typeof value['type'] === 'string';
}

/**
 * Sets a leaf, making objects (or arrays, before an index) on the way; the first error of a path
 * wins. Answers the leaf the path now holds (`leaf`, or the one it had), or `undefined` when it holds
 * none: a parent has its own error, or errors nested below it came first.
 */
function place(
  errors: Record<string, unknown>,
  path: readonly PropertyKey[],
  leaf: ResolverFieldError,
): ResolverFieldError | undefined {
  let at = errors;
  for (let i = 0; i < path.length - 1; i++) {
    // what the path holds here: nothing yet, a leaf, or an object (an array before an index) made before
    const next = (at[String(path[i])] ??= typeof path[i + 1] === 'number' ? [] : {});
    if (isLeaf(next)) return undefined; // the path's parent has its own error already
    at = next as Record<string, unknown>;
  }
  const last = String(path[path.length - 1]);
  const held = (at[last] ??= leaf);
  return isLeaf(held) ? held : undefined;
}
