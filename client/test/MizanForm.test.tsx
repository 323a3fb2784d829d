// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMizanClient } from '../src/client';
import type { FetchLike } from '../src/client';
import type { FormDefinition, FormWidget } from '../src/forms';
import { MizanField, MizanForm, humanizeChoice } from '../src/MizanForm';
import { MizanProvider } from '../src/react';
import { useMizanForm } from '../src/useMizanForm';
import { contactForm, contactServer } from './contactForm';

afterEach(cleanup);

interface Booking {
  note: string;
  details: string;
  email: string;
  secret: string;
  guests: number;
  terms: boolean;
  size: 'SMALL' | 'EXTRA_LARGE';
  room: 'RED' | 'BLUE';
  day: string;
  at: string;
  starts: string | null;
  site: string | null;
  phone: string;
  token: string;
}

const bookingSchema = z.object({
  note: z.string(),
  details: z.string(),
  email: z.string().email({ message: 'must be a well-formed email address' }),
  secret: z.string().min(8, { message: 'size must be between 8 and 2147483647' }),
  guests: z.number().int().max(20, { message: 'must be less than or equal to 20' }),
  terms: z.boolean().refine((v) => v, { message: 'must be true' }),
  size: z.enum(['SMALL', 'EXTRA_LARGE']),
  room: z.enum(['RED', 'BLUE']),
  day: z.string(),
  at: z.string(),
  starts: z.string().nullable(),
  site: z.string().nullable(),
  phone: z.string(),
  token: z.string(),
}) satisfies z.ZodType<Booking>;

const booking: FormDefinition<Booking, string> = {
  name: 'booking',
  title: 'Booking',
  parameter: 'booking',
  fields: [
    { name: 'note', type: 'string', label: 'Note', widget: 'text', required: true, placeholder: 'A note' },
    { name: 'details', type: 'string', label: 'Details', widget: 'textarea', required: true, help: 'Anything else' },
    { name: 'email', type: 'string', label: 'Email', widget: 'email', required: true },
    { name: 'secret', type: 'string', label: 'Secret', widget: 'password', required: true },
    { name: 'guests', type: 'integer', label: 'Guests', widget: 'number', required: true },
    { name: 'terms', type: 'boolean', label: 'Terms', widget: 'checkbox', required: true },
    { name: 'size', type: 'string', label: 'Size', widget: 'select', required: true, choices: ['SMALL', 'EXTRA_LARGE'] },
    { name: 'room', type: 'string', label: 'Room', widget: 'radio', required: true, choices: ['RED', 'BLUE'] },
    { name: 'day', type: 'date', label: 'Day', widget: 'date', required: true },
    { name: 'at', type: 'time', label: 'At', widget: 'time', required: true },
    { name: 'starts', type: 'datetime', label: 'Starts', widget: 'datetime', required: false },
    { name: 'site', type: 'string', label: 'Site', widget: 'url', required: false },
    { name: 'phone', type: 'string', label: 'Phone', widget: 'tel', required: true },
    { name: 'token', type: 'string', label: 'Token', widget: 'hidden', required: true },
  ],
  schema: bookingSchema,
};

function bookingServer() {
  const calls: unknown[] = [];
  const fetch: FetchLike = async (_url, init) => {
    calls.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ result: 'booked', invalidate: [] }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, calls };
}

function wrap(fetch: FetchLike, children: ReactNode) {
  return (
    <MizanProvider client={createMizanClient({ fetch })} queryClient={new QueryClient()} hydration={false}>
      {children}
    </MizanProvider>
  );
}

describe('MizanForm', () => {
  it('renders every widget as its input, with its label', () => {
    const { container } = render(
      wrap(bookingServer().fetch, <MizanForm definition={booking} initialValues={{ token: 't-1' }} />),
    );
    expect(screen.getByRole('heading', { name: 'Booking' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Booking' })).toBeTruthy();
    const expected: Record<string, string> = {
      Note: 'text',
      Email: 'email',
      Secret: 'password',
      Guests: 'number',
      Terms: 'checkbox',
      Day: 'date',
      At: 'time',
      Starts: 'datetime-local',
      Site: 'url',
      Phone: 'tel',
    };
    for (const [label, kind] of Object.entries(expected)) {
      const input = screen.getByLabelText(label) as HTMLInputElement;
      expect(input.tagName, label).toBe('INPUT');
      expect(input.type, label).toBe(kind);
    }
    expect(screen.getByLabelText('Details').tagName).toBe('TEXTAREA');
    const size = screen.getByLabelText('Size') as HTMLSelectElement;
    expect(Array.from(size.options).map((o) => [o.value, o.textContent])).toEqual([
      ['', ''],
      ['SMALL', 'Small'],
      ['EXTRA_LARGE', 'Extra large'],
    ]);
    const room = screen.getByRole('group', { name: 'Room' });
    expect(room.tagName).toBe('FIELDSET');
    expect((screen.getByLabelText('Red') as HTMLInputElement).type).toBe('radio');
    expect((screen.getByLabelText('Blue') as HTMLInputElement).name).toBe('room');
    const hidden = container.querySelector('input[type=hidden]') as HTMLInputElement;
    expect(hidden.name).toBe('token');
    expect(hidden.value).toBe('t-1');
    expect((screen.getByLabelText('Note') as HTMLInputElement).placeholder).toBe('A note');
    const help = screen.getByText('Anything else');
    expect(help.className).toBe('mizan-field-help');
    expect(screen.getByLabelText('Details').getAttribute('aria-describedby')).toBe(help.id);
    expect(screen.getByLabelText('Email').getAttribute('aria-required')).toBe('true');
    expect(screen.getByLabelText('Site').getAttribute('aria-required')).toBeNull();
    expect(screen.getByLabelText('Terms').getAttribute('aria-required')).toBeNull();
    const widgets = Array.from(container.querySelectorAll('.mizan-field')).map((e) => e.className.split(' ')[1]);
    const all: FormWidget[] = booking.fields.map((f) => f.widget).filter((w) => w !== 'hidden');
    expect(widgets).toEqual(all.map((w) => `mizan-field-${w}`));
    expect(screen.getByRole('button', { name: 'Submit' })).toBeTruthy();
  });

  it('keeps focus in the field when its submit button is pressed, so the press is not lost to a blur', () => {
    const server = bookingServer();
    render(wrap(server.fetch, <MizanForm definition={booking} submitLabel="Book" initialValues={{ token: 't' }} />));
    const pressed = fireEvent.mouseDown(screen.getByRole('button', { name: 'Book' }));
    expect(pressed).toBe(false); // default prevented: the browser moves no focus
  });

  it('shows the errors on submit, described by the input, and submits the typed values', async () => {
    const server = bookingServer();
    render(wrap(server.fetch, <MizanForm definition={booking} submitLabel="Book" initialValues={{ token: 't' }} />));
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const message = screen.getByText('must be a well-formed email address');
    expect(message.className).toBe('mizan-field-error');
    expect(email.getAttribute('aria-describedby')).toBe(message.id);
    expect(email.closest('.mizan-field')?.className).toContain('mizan-field-invalid');
    expect(screen.getByLabelText('Red').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('group', { name: 'Room' }).textContent).toContain('must not be null');
    expect(screen.getByLabelText('Terms').closest('.mizan-field')?.textContent).toContain('must be true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.calls).toEqual([]);

    const set = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    set('Note', 'n');
    set('Details', 'd');
    set('Email', 'al@example.com');
    set('Secret', 'long enough');
    set('Guests', '3');
    fireEvent.click(screen.getByLabelText('Terms'));
    set('Size', 'EXTRA_LARGE');
    fireEvent.click(screen.getByLabelText('Blue'));
    set('Day', '2030-01-02');
    set('At', '10:30');
    set('Phone', '+1 555');
    expect(email.getAttribute('aria-invalid')).toBe('false');
    expect(email.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(server.calls).toHaveLength(1));
    expect(server.calls[0]).toEqual({
      booking: {
        note: 'n',
        details: 'd',
        email: 'al@example.com',
        secret: 'long enough',
        guests: 3,
        terms: true,
        size: 'EXTRA_LARGE',
        room: 'BLUE',
        day: '2030-01-02',
        at: '10:30',
        starts: null,
        site: null,
        phone: '+1 555',
        token: 't',
      },
    });
  });

  it('shows the form’s own error, disables the button while submitting, and gives the state to children', async () => {
    const server = contactServer();
    let open = () => {};
    render(
      wrap(
        server.fetch,
        <MizanForm
          definition={contactForm}
          className="contact"
          showTitle={false}
          initialValues={{ name: 'Ada', email: 'forbidden@example.com', topic: 'SALES' }}
        >
          {(form) => <p data-testid="result">{form.result?.ticket ?? ''}</p>}
        </MizanForm>,
      ),
    );
    expect(screen.queryByRole('heading')).toBeNull();
    const button = screen.getByRole('button', { name: 'Submit' }) as HTMLButtonElement;
    expect(button.closest('form')?.className).toBe('mizan-form contact');
    fireEvent.click(button);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('You may not use this form');
    expect(alert.className).toBe('mizan-form-error');

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    server.gate.wait = new Promise<void>((resolve) => (open = resolve));
    fireEvent.click(button);
    await waitFor(() => expect(button.disabled).toBe(true));
    expect(button.closest('form')?.getAttribute('aria-busy')).toBe('true');
    server.gate.wait = null;
    act(() => open());
    await waitFor(() => expect(screen.getByTestId('result').textContent).toBe('T-1'));
    expect(button.disabled).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a hidden field’s error as the form’s own', async () => {
    render(wrap(bookingServer().fetch, <MizanForm definition={booking} initialValues={{ token: null }} />));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect((await screen.findByRole('alert')).textContent).toBe('must not be null');
  });

  it('MizanField lays out one field of a hook’s form', () => {
    function Custom() {
      const form = useMizanForm(contactForm);
      return (
        <form onSubmit={form.submit}>
          <MizanField form={form} name="topic" idPrefix="c" choiceLabel={(_f, c) => c.toLowerCase()} />
        </form>
      );
    }
    render(wrap(bookingServer().fetch, <Custom />));
    const topic = screen.getByLabelText('Topic') as HTMLSelectElement;
    expect(topic.id).toBe('c-topic');
    expect(Array.from(topic.options).map((o) => o.textContent)).toEqual(['', 'sales', 'support']);
    expect(humanizeChoice('inProgress')).toBe('In progress');
  });
});
