import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { MizanError } from '../src/errors';
import {
  FORM_ERROR,
  REQUIRED_MESSAGE,
  checkForm,
  fieldError,
  fieldOfPath,
  formPath,
  fromInput,
  initialFormValues,
  readInputs,
  serverFormErrors,
  toInputText,
} from '../src/forms';
import type { FormDefinition, FormFieldDefinition, FormValues } from '../src/forms';
import { mizanResolver, setServerErrors } from '../src/resolver';
import { VALID, contactForm } from './contactForm';
import type { ContactForm } from './contactForm';

const field = (over: Partial<FormFieldDefinition>): FormFieldDefinition => ({
  name: 'x',
  type: 'string',
  label: 'X',
  widget: 'text',
  required: true,
  ...over,
});

describe('values', () => {
  it('start empty by field: a required text "", a checkbox false, anything else null', () => {
    expect(initialFormValues(contactForm)).toEqual({
      name: '',
      email: '',
      topic: null,
      message: '',
      newsletter: false,
      age_in_years: null,
    });
    expect(initialFormValues(contactForm, { topic: 'SUPPORT', name: 'Al' })).toMatchObject({
      topic: 'SUPPORT',
      name: 'Al',
      email: '',
    });
  });

  it('are read from inputs as the field types', () => {
    const age = field({ type: 'integer', widget: 'number', required: false });
    expect(fromInput(age, '42')).toBe(42);
    expect(fromInput(age, '')).toBeNull();
    expect(fromInput(age, 'x')).toBe('x');
    // blank is empty, and only decimal text is a number (Number() reads both as numbers)
    expect(fromInput(age, '  ')).toBeNull();
    expect(fromInput(age, '0x1A')).toBe('0x1A');
    expect(fromInput(age, ' 7 ')).toBe(7);
    expect(fromInput(field({ type: 'number', widget: 'number' }), '2.5')).toBe(2.5);
    expect(fromInput(field({ type: 'boolean', widget: 'checkbox' }), true)).toBe(true);
    expect(fromInput(field({ type: 'boolean', widget: 'checkbox' }), '')).toBe(false);
    expect(fromInput(field({}), '')).toBe('');
    expect(fromInput(field({ required: false }), '')).toBeNull();
    expect(fromInput(field({ choices: ['A'] }), '')).toBeNull();
    expect(fromInput(field({ type: 'date', widget: 'date' }), '')).toBeNull();
    expect(fromInput(field({ type: 'date', widget: 'date' }), '2024-05-01')).toBe('2024-05-01');
  });

  describe('of a moment, which the server reads only with its offset', () => {
    const zone = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = 'Europe/Paris'; // +01:00 in winter, +02:00 in summer
    });
    afterAll(() => {
      process.env.TZ = zone;
    });
    const checkIn = field({ type: 'datetime', widget: 'datetime', required: false, offset: true });
    const opens = field({ type: 'time', widget: 'time', offset: true });

    it("are sent with the seconds and the browser's offset at that date", () => {
      expect(fromInput(checkIn, '2025-01-31T10:15')).toBe('2025-01-31T10:15:00+01:00');
      expect(fromInput(checkIn, '2025-07-31T10:15:30')).toBe('2025-07-31T10:15:30+02:00');
      expect(fromInput(opens, '10:15')).toMatch(/^10:15:00\+0[12]:00$/);
      expect(fromInput(checkIn, '')).toBeNull();
      // text that is no local time is left for the schema and the server
      expect(fromInput(checkIn, '2025-01-31T10:15Z')).toBe('2025-01-31T10:15Z');
      // a local date-time keeps the input's text
      expect(fromInput(field({ type: 'datetime', widget: 'datetime' }), '2025-01-31T10:15')).toBe('2025-01-31T10:15');
    });

    it('are shown in local time, as the inputs take them', () => {
      expect(toInputText('2025-01-31T09:15:00Z', checkIn)).toBe('2025-01-31T10:15');
      expect(toInputText('2025-07-31T10:15:30+02:00[Europe/Paris]', checkIn)).toBe('2025-07-31T10:15:30');
      expect(toInputText('2025-01-31T10:15:00+01:00', checkIn)).toBe('2025-01-31T10:15');
      expect(toInputText(fromInput(opens, '10:15'), opens)).toBe('10:15');
      expect(toInputText('not a time', checkIn)).toBe('not a time');
      expect(toInputText(null, checkIn)).toBe('');
      expect(toInputText('2025-01-31T09:15:00Z')).toBe('2025-01-31T09:15:00Z');
    });
  });

  it('are shown in inputs as text', () => {
    expect(toInputText(null)).toBe('');
    expect(toInputText(undefined)).toBe('');
    expect(toInputText(42)).toBe('42');
    expect(toInputText('a')).toBe('a');
    expect(toInputText(['a'])).toBe('["a"]');
  });

  it('of a draft with text inputs are read field by field', () => {
    expect(readInputs(contactForm, { age_in_years: '42', topic: '', name: '', extra: 'x' })).toEqual({
      age_in_years: 42,
      topic: null,
      name: '',
      extra: 'x',
    });
    expect(readInputs(contactForm, null)).toEqual({});
  });
});

describe('checkForm', () => {
  it('gives the record when the schema passes', () => {
    expect(checkForm(contactForm, VALID)).toEqual({ valid: true, data: VALID, errors: {} });
  });

  it('gives the first message per path, with the required message for an empty field', () => {
    const checked = checkForm(contactForm, { ...initialFormValues(contactForm), email: 'nope', age_in_years: 12 });
    expect(checked.valid).toBe(false);
    expect(checked.errors).toEqual({
      name: 'must not be blank',
      email: 'must be a well-formed email address',
      topic: REQUIRED_MESSAGE,
      age_in_years: 'must be greater than or equal to 18',
    });
  });

  it('gives a field’s own message for a missing value when the server has one', () => {
    const definition = {
      ...contactForm,
      fields: contactForm.fields.map((f) => (f.name === 'topic' ? { ...f, requiredMessage: 'Choose a topic' } : f)),
    };
    const checked = checkForm(definition, { ...VALID, topic: null, age_in_years: null });
    expect(checked.errors['topic']).toBe('Choose a topic');
    expect(checked.valid).toBe(false);
  });

  it('writes paths as the server does', () => {
    expect(formPath(['address', 'street'])).toBe('address.street');
    expect(formPath(['tags', 1, 'name'])).toBe('tags[1].name');
    expect(formPath([])).toBe('');
    expect(fieldOfPath('tags[1].name')).toBe('tags');
    expect(fieldOfPath('address.street')).toBe('address');
    expect(fieldError({ 'address.street': 'blank' }, 'address')).toBe('blank');
    expect(fieldError({ address: 'own', 'address.street': 'blank' }, 'address')).toBe('own');
    expect(fieldError({ addressee: 'x' }, 'address')).toBeUndefined();
  });

  it('puts errors on the whole record under ""', () => {
    const definition: FormDefinition<{ a: string; b: string }> = {
      ...contactForm,
      fields: [],
      schema: z.object({ a: z.string(), b: z.string() }).refine((v) => v.a === v.b, { message: 'differ' }),
    };
    expect(checkForm(definition, { a: 'x', b: 'y' }).errors).toEqual({ [FORM_ERROR]: 'differ' });
  });
});

describe('serverFormErrors', () => {
  const problem = (status: number, errors: { path: string; message: string }[], detail = '') =>
    new MizanError({ status, title: 'T', detail, fieldErrors: errors });

  it('puts a 422 on the fields, and what is on no field under ""', () => {
    const errors = serverFormErrors(
      contactForm,
      problem(422, [
        { path: 'email', message: 'must be a well-formed email address' },
        { path: 'email', message: 'second' },
        { path: 'form.name', message: 'must not be blank' },
        { path: '', message: 'the passwords differ' },
        { path: 'nothing', message: 'odd' },
      ]),
    );
    expect(errors).toEqual({
      email: 'must be a well-formed email address',
      name: 'must not be blank',
      '': 'the passwords differ odd',
    });
  });

  it("maps a handler's own field error, and nothing else, from a 409", () => {
    expect(serverFormErrors(contactForm, problem(409, [{ path: 'email', message: 'taken' }]))).toEqual({
      email: 'taken',
    });
  });

  it('gives a failure without field errors as the form’s own message', () => {
    expect(serverFormErrors(contactForm, problem(403, [], 'You may not'))).toEqual({ '': 'You may not' });
    expect(serverFormErrors(contactForm, MizanError.network(new Error('offline')))).toEqual({ '': 'offline' });
  });
});

describe('mizanResolver', () => {
  const options = { fields: {}, shouldUseNativeValidation: false };
  // what react-hook-form holds for inputs registered without valueAsNumber: their text
  const inputs = (values: Record<string, unknown>) => values as FormValues<ContactForm>;

  it('answers the typed record, reading text inputs as the field types', async () => {
    const resolve = mizanResolver(contactForm);
    const out = await resolve(inputs({ ...VALID, age_in_years: '42' }), undefined, options);
    expect(out).toEqual({ values: { ...VALID, age_in_years: 42 }, errors: {} });
  });

  it('answers nested errors with the type and the same messages, and no values', async () => {
    const resolve = mizanResolver(contactForm);
    const out = await resolve(inputs({ ...VALID, email: 'nope', topic: '', age_in_years: '12' }), undefined, options);
    expect(out).toEqual({
      values: {},
      errors: {
        email: { type: 'invalid_string', message: 'must be a well-formed email address' },
        topic: { type: 'invalid_type', message: REQUIRED_MESSAGE },
        age_in_years: { type: 'too_small', message: 'must be greater than or equal to 18' },
      },
    });
  });

  it('nests objects and lists, keeps the first error, collects all with criteriaMode all', async () => {
    const schema = z
      .object({
        address: z.object({ street: z.string().min(2, { message: 'short' }).regex(/^\d/, { message: 'number first' }) }),
        tags: z.array(z.string().min(1, { message: 'empty tag' })),
      })
      .refine(() => false, { message: 'never' });
    const definition: FormDefinition<z.infer<typeof schema>> = { ...contactForm, fields: [], schema };
    const values = { address: { street: 'x' }, tags: ['a', ''] };
    const first = await mizanResolver(definition)(values, undefined, options);
    expect(first.errors).toEqual({
      address: { street: { type: 'too_small', message: 'short' } },
      tags: [undefined, { type: 'too_small', message: 'empty tag' }],
      root: { type: 'custom', message: 'never' },
    });
    const all = await mizanResolver(definition)(values, undefined, { ...options, criteriaMode: 'all' });
    expect(all.errors).toMatchObject({
      address: { street: { type: 'too_small', message: 'short', types: { too_small: 'short', invalid_string: 'number first' } } },
    });
    const whole = await mizanResolver(definition)({ address: { street: '12' }, tags: [] }, undefined, options);
    expect(whole.errors).toEqual({ root: { type: 'custom', message: 'never' } });
  });

  it('sets the server errors through setError, the form’s own under root.server', () => {
    const setError = vi.fn();
    setServerErrors(
      contactForm,
      new MizanError({
        status: 422,
        title: 'T',
        fieldErrors: [
          { path: 'email', message: 'taken' },
          { path: '', message: 'odd' },
        ],
      }),
      setError,
    );
    expect(setError.mock.calls).toEqual([
      ['email', { type: 'server', message: 'taken' }],
      ['root.server', { type: 'server', message: 'odd' }],
    ]);
  });
});
