// @vitest-environment jsdom
import { unbatching } from './unbatching';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMizanClient } from '../src/client';
import { useMizanContext } from '../src/contexts';
import { MizanProvider } from '../src/react';
import { useMizanForm } from '../src/useMizanForm';
import type { MizanFormOptions, MizanFormState } from '../src/useMizanForm';
import { contactForm, contactServer } from './contactForm';
import type { ContactForm, Sent } from './contactForm';

afterEach(cleanup);

let latest: MizanFormState<ContactForm, Sent> | undefined;

/** The contact form with plain inputs, its errors next to them. */
function Contact(options: MizanFormOptions<ContactForm, Sent>) {
  const form = useMizanForm(contactForm, options);
  latest = form;
  const error = (name: string) => <span data-testid={`error-${name}`}>{form.errors[name] ?? ''}</span>;
  return (
    <form onSubmit={form.submit} noValidate>
      <input aria-label="name" {...form.field('name')} />
      {error('name')}
      <input aria-label="email" type="email" {...form.field('email')} />
      {error('email')}
      <select aria-label="topic" {...form.field('topic')}>
        <option value="" />
        <option value="SALES">Sales</option>
        <option value="SUPPORT">Support</option>
      </select>
      {error('topic')}
      <textarea aria-label="message" {...form.field('message')} />
      <input aria-label="newsletter" {...form.field('newsletter')} />
      <input aria-label="age" type="number" {...form.field('age_in_years')} />
      {error('age_in_years')}
      {error('')}
      <span data-testid="submitting">{String(form.isSubmitting)}</span>
      <span data-testid="result">{form.result?.ticket ?? ''}</span>
      <button type="submit">send</button>
      <button type="button" onClick={() => form.reset()}>
        reset
      </button>
    </form>
  );
}

function Inbox() {
  const { data } = useMizanContext<number>('inbox');
  return <span data-testid="inbox">{data ?? ''}</span>;
}

function setup(options: MizanFormOptions<ContactForm, Sent> = {}) {
  const server = contactServer();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <MizanProvider client={createMizanClient({ fetch: unbatching(server.fetch) })} queryClient={queryClient} hydration={false}>
      <Inbox />
      <Contact {...options} />
    </MizanProvider>,
  );
  return { server, queryClient };
}

const input = (label: string) => screen.getByLabelText(label);
const errorOf = (name: string) => screen.getByTestId(`error-${name}`).textContent;
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } });

function fillValid() {
  type('name', 'Ada');
  type('email', 'ada@example.com');
  type('topic', 'SUPPORT');
  type('message', 'hello');
  fireEvent.click(input('newsletter'));
  type('age', '42');
}

describe('useMizanForm with plain inputs', () => {
  it('reads inputs as typed values', () => {
    setup();
    fillValid();
    expect(latest?.values).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      topic: 'SUPPORT',
      message: 'hello',
      newsletter: true,
      age_in_years: 42,
    });
    type('age', '');
    expect(latest?.values.age_in_years).toBeNull();
    expect((input('newsletter') as HTMLInputElement).checked).toBe(true);
    expect((input('age') as HTMLInputElement).value).toBe('');
  });

  it('shows a field’s error once it was left, then as it changes', () => {
    setup();
    type('email', 'nope');
    expect(errorOf('email')).toBe('');
    expect(input('email').getAttribute('aria-invalid')).toBe('false');
    fireEvent.blur(input('email'));
    expect(errorOf('email')).toBe('must be a well-formed email address');
    expect(input('email').getAttribute('aria-invalid')).toBe('true');
    expect(errorOf('name')).toBe('');
    type('email', 'ada@example.com');
    expect(errorOf('email')).toBe('');
    type('email', '');
    expect(errorOf('email')).toBe('must not be blank');
    expect(latest?.touched).toEqual({ email: true });
  });

  it('leaves a field’s error for the submit when focus moves to the submit button', async () => {
    setup();
    type('email', 'nope');
    // the field's error would move the button away before the click lands: nothing shows on this blur
    fireEvent.blur(input('email'), { relatedTarget: screen.getByText('send') });
    expect(errorOf('email')).toBe('');
    expect(latest?.touched).toEqual({});
    // leaving for anything else shows it
    fireEvent.blur(input('email'), { relatedTarget: input('name') });
    expect(errorOf('email')).toBe('must be a well-formed email address');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(errorOf('name')).toBe('must not be blank'));
  });

  it('checks every field on submit and calls nothing while the schema fails', async () => {
    const { server } = setup();
    type('age', '12');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(errorOf('name')).toBe('must not be blank'));
    expect(errorOf('email')).toBe('must not be blank');
    expect(errorOf('topic')).toBe('must not be null');
    expect(errorOf('age_in_years')).toBe('must be greater than or equal to 18');
    expect(latest?.isValid).toBe(false);
    expect(server.calls).toEqual([]);
  });

  it('submits the typed record, is submitting until the changed contexts were refetched, and keeps the result', async () => {
    const onSuccess = vi.fn();
    const { server } = setup({ onSuccess });
    await waitFor(() => expect(screen.getByTestId('inbox').textContent).toBe('0'));
    fillValid();
    let open = () => {};
    server.gate.wait = new Promise<void>((resolve) => (open = resolve));
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(screen.getByTestId('submitting').textContent).toBe('true'));
    server.gate.wait = null;
    act(() => open());
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('T-1'));
    expect(screen.getByTestId('submitting').textContent).toBe('false');
    expect(screen.getByTestId('inbox').textContent).toBe('1');
    expect(server.inboxReads()).toBe(2);
    expect(server.calls).toEqual([
      {
        name: 'contact.submit',
        body: {
          form: {
            name: 'Ada',
            email: 'ada@example.com',
            topic: 'SUPPORT',
            message: 'hello',
            newsletter: true,
            age_in_years: 42,
          },
        },
      },
    ]);
    expect(onSuccess).toHaveBeenCalledWith({ ticket: 'T-1', by: null }, server.received[0], ['inbox']);
    expect(latest?.invalidated).toEqual(['inbox']);
  });

  it('maps a 422 onto the fields and the form, and drops a field’s server error when it changes', async () => {
    const onError = vi.fn();
    setup({ onError });
    fillValid();
    type('name', 'server');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(errorOf('name')).toBe('darf nicht leer sein'));
    expect(errorOf('')).toBe('the form is odd');
    expect(latest?.submitError?.code).toBe('MIZAN-183');
    expect(onError).toHaveBeenCalledTimes(1);
    type('name', 'Ada');
    expect(errorOf('name')).toBe('');
    expect(errorOf('')).toBe('the form is odd');
  });

  it("maps the handler's own field error (409), and a refusal without field errors to the form", async () => {
    setup();
    fillValid();
    type('email', 'taken@example.com');
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(errorOf('email')).toBe('this email is already subscribed'));
    expect(errorOf('')).toBe('');
    expect(latest?.submitError?.status).toBe(409);
    type('email', 'forbidden@example.com');
    await act(async () => {
      expect(await latest?.submit()).toBeUndefined();
    });
    expect(errorOf('email')).toBe('');
    expect(errorOf('')).toBe('You may not use this form');
  });

  it('resets values, errors, touched fields and the result', async () => {
    setup();
    fillValid();
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('T-1'));
    type('email', 'nope');
    fireEvent.blur(input('email'));
    expect(errorOf('email')).not.toBe('');
    fireEvent.click(screen.getByText('reset'));
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe(''));
    expect(errorOf('email')).toBe('');
    expect(latest?.values).toEqual({
      name: '',
      email: '',
      topic: null,
      message: '',
      newsletter: false,
      age_in_years: null,
    });
    expect(latest?.touched).toEqual({});
    expect((input('name') as HTMLInputElement).value).toBe('');
  });

  it('starts from initialValues, and validate() shows every error', () => {
    setup({ initialValues: { topic: 'SALES', name: 'Al' } });
    expect((input('topic') as HTMLSelectElement).value).toBe('SALES');
    expect((input('name') as HTMLInputElement).value).toBe('Al');
    let valid = true;
    act(() => {
      valid = latest?.validate() ?? true;
    });
    expect(valid).toBe(false);
    expect(errorOf('email')).toBe('must not be blank');
    expect(errorOf('name')).toBe('');
  });

  it('validateOnServer sends the touched fields to <form>.validate and shows its errors', async () => {
    const { server } = setup();
    type('email', 'taken@example.com');
    fireEvent.blur(input('email'));
    let valid: boolean | undefined;
    await act(async () => {
      valid = await latest?.validateOnServer();
    });
    expect(valid).toBe(false);
    expect(server.calls).toEqual([{ name: 'contact.validate', body: { form: { email: 'taken@example.com' } } }]);
    expect(errorOf('email')).toBe('this email is already subscribed');
  });

  it('forgets a submit under way at reset: its errors do not land on the new form, and a new submit goes out', async () => {
    const { server } = setup();
    let open: () => void = () => {};
    server.gate.wait = new Promise<void>((resolve) => (open = resolve));
    fillValid();
    type('email', 'taken@example.com'); // answered 409 with a field error
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    fireEvent.click(screen.getByText('reset'));
    fillValid();
    fireEvent.click(screen.getByText('send'));
    await waitFor(() => expect(server.calls).toHaveLength(2));
    server.gate.wait = null;
    await act(async () => {
      open();
      await new Promise((r) => setTimeout(r, 10));
    });
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('T-1'));
    expect(errorOf('email')).toBe('');
    expect(latest?.submitError).toBeNull();
  });

  it('validateOnServer shows the answer to the last check only, and reads an answer out of shape as no errors', async () => {
    const { server } = setup();
    let open: () => void = () => {};
    type('email', 'taken@example.com');
    fireEvent.blur(input('email'));
    server.gate.wait = new Promise<void>((resolve) => (open = resolve));
    let first: Promise<boolean> | undefined;
    act(() => {
      first = latest?.validateOnServer();
    });
    await waitFor(() => expect(server.calls).toHaveLength(1));
    server.gate.wait = null;
    type('email', 'ada@example.com');
    await act(async () => {
      expect(await latest?.validateOnServer()).toBe(true);
    });
    await act(async () => {
      open();
      expect(await first).toBe(false);
    });
    expect(errorOf('email')).toBe('');

    cleanup();
    const odd = createMizanClient({ fetch: async () => new Response(JSON.stringify({ result: { valid: true } })) });
    render(
      <MizanProvider client={odd} queryClient={new QueryClient()} hydration={false}>
        <Contact />
      </MizanProvider>,
    );
    await act(async () => {
      expect(await latest?.validateOnServer()).toBe(true);
    });
  });

  it('submitValues rejects with the MizanError and shows its errors', async () => {
    setup();
    let caught: unknown;
    await act(async () => {
      await latest
        ?.submitValues({ ...contactFormValid(), email: 'taken@example.com' })
        .catch((e: unknown) => (caught = e));
    });
    expect((caught as { status?: number }).status).toBe(409);
    expect(errorOf('email')).toBe('this email is already subscribed');
  });
});

function contactFormValid(): ContactForm {
  return { name: 'Ada', email: 'ada@example.com', topic: 'SALES', message: '', newsletter: false, age_in_years: null };
}
