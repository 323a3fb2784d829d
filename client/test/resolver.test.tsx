// @vitest-environment jsdom
// mizanResolver in react-hook-form itself (a dev dependency only): the types fit useForm, and a
// form registered with plain `register` submits the typed record and shows the server's errors.
import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import type { Resolver } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import { createMizanClient } from '../src/client';
import { isMizanError } from '../src/errors';
import type { FormValues } from '../src/forms';
import { MizanProvider } from '../src/react';
import { mizanResolver, setServerErrors } from '../src/resolver';
import { useMizanForm } from '../src/useMizanForm';
import { contactForm, contactServer } from './contactForm';
import type { ContactForm } from './contactForm';

afterEach(cleanup);

// The resolver is a react-hook-form Resolver of the draft values that gives the record.
const typed: Resolver<FormValues<ContactForm>, unknown, ContactForm> = mizanResolver(contactForm);
void typed;

const submitted: ContactForm[] = [];

function Contact() {
  const contact = useMizanForm(contactForm);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: mizanResolver(contactForm),
    defaultValues: { name: '', email: '', topic: 'SALES', message: '', newsletter: false, age_in_years: null },
  });
  const { errors } = formState;
  const onSubmit = handleSubmit(async (form: ContactForm) => {
    submitted.push(form);
    try {
      await contact.submitValues(form);
    } catch (e) {
      if (isMizanError(e)) setServerErrors(contactForm, e, setError);
    }
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <input aria-label="name" {...register('name')} />
      <span data-testid="name">{errors.name?.message ?? ''}</span>
      <input aria-label="email" {...register('email')} aria-invalid={errors.email !== undefined} />
      <span data-testid="email">{errors.email?.message ?? ''}</span>
      <input aria-label="age" type="number" {...register('age_in_years')} />
      <span data-testid="age">{errors.age_in_years?.message ?? ''}</span>
      <span data-testid="root">{errors.root?.['server']?.message ?? ''}</span>
      <span data-testid="result">{contact.result?.ticket ?? ''}</span>
      <button type="submit">send</button>
    </form>
  );
}

function setup() {
  const server = contactServer();
  render(
    <MizanProvider
      client={createMizanClient({ fetch: server.fetch })}
      queryClient={new QueryClient()}
      hydration={false}
    >
      <Contact />
    </MizanProvider>,
  );
  return server;
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const text = (id: string) => screen.getByTestId(id).textContent;

describe('mizanResolver in react-hook-form', () => {
  it('shows the schema’s messages and submits nothing while they stand', async () => {
    const server = setup();
    type('email', 'nope');
    type('age', '12');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(text('email')).toBe('must be a well-formed email address'));
    expect(text('name')).toBe('must not be blank');
    expect(text('age')).toBe('must be greater than or equal to 18');
    expect(server.calls).toEqual([]);
  });

  it('hands the typed record to the submit, and the server’s field errors back to the fields', async () => {
    submitted.length = 0;
    const server = setup();
    type('name', 'Ada');
    type('email', 'ada@example.com');
    type('age', '42');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(text('result')).toBe('T-1'));
    expect(submitted).toEqual([
      { name: 'Ada', email: 'ada@example.com', topic: 'SALES', message: '', newsletter: false, age_in_years: 42 },
    ]);
    expect(server.calls[0]?.body).toEqual({ form: submitted[0] });

    type('email', 'taken@example.com');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(text('email')).toBe('this email is already subscribed'));
    expect(screen.getByLabelText('email').getAttribute('aria-invalid')).toBe('true');

    type('email', 'forbidden@example.com');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(text('root')).toBe('You may not use this form'));
  });
});
