// The contact form of the server's tests, as the generator writes it, and an in-memory server
// that answers its functions as the server does.

import { z } from 'zod';
import type { FetchLike } from '../src/client';
import type { FormDefinition } from '../src/forms';

export interface ContactForm {
  name: string;
  email: string;
  topic: 'SALES' | 'SUPPORT';
  message: string;
  newsletter: boolean;
  age_in_years: number | null;
}

export interface Sent {
  ticket: string;
  by: string | null;
}

export const contactFormSchema = z.object({
  name: z.string()
    .regex(/\S/, { message: 'must not be blank' })
    .max(80, { message: 'size must be between 0 and 80' }),
  email: z.string()
    .regex(/\S/, { message: 'must not be blank' })
    .email({ message: 'must be a well-formed email address' }),
  topic: z.enum(['SALES', 'SUPPORT']),
  message: z.string().max(2000, { message: 'size must be between 0 and 2000' }),
  newsletter: z.boolean(),
  age_in_years: z.number().int().min(18, { message: 'must be greater than or equal to 18' }).nullable(),
}) satisfies z.ZodType<ContactForm>;

export const contactForm: FormDefinition<ContactForm, Sent> = {
  name: 'contact',
  title: 'Contact Us',
  parameter: 'form',
  fields: [
    { name: 'name', type: 'string', label: 'Your name', widget: 'text', required: true, placeholder: 'Ada Lovelace' },
    { name: 'email', type: 'string', label: 'Email', widget: 'email', required: true },
    { name: 'topic', type: 'string', label: 'Topic', widget: 'select', required: true, choices: ['SALES', 'SUPPORT'] },
    {
      name: 'message',
      type: 'string',
      label: 'Message',
      widget: 'textarea',
      required: true,
      help: 'We answer within a day',
    },
    { name: 'newsletter', type: 'boolean', label: 'Newsletter', widget: 'checkbox', required: true },
    { name: 'age_in_years', type: 'integer', label: 'Age in years', widget: 'number', required: false },
  ],
  schema: contactFormSchema,
};

export const VALID: ContactForm = {
  name: 'Ada',
  email: 'ada@example.com',
  topic: 'SALES',
  message: 'hi',
  newsletter: true,
  age_in_years: null,
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/**
 * Answers `contact.submit` (`taken@example.com` is a 409 with a field error, `forbidden@example.com`
 * a 403, a name `server` a 422 on the name and a class-level error), `contact.validate`, and the
 * context `inbox`, which counts the messages received.
 */
export function contactServer() {
  const calls: { name: string; body: Record<string, unknown> }[] = [];
  const received: ContactForm[] = [];
  let inboxReads = 0;
  const gate: { wait: Promise<void> | null } = { wait: null };
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url, 'http://app.test').pathname;
    if (init.method === 'GET' && path === '/api/mizan/ctx/inbox') {
      inboxReads++;
      return json({ result: received.length });
    }
    const name = path.slice('/api/mizan/call/'.length);
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    calls.push({ name, body });
    if (gate.wait) await gate.wait;
    const form = body['form'] as ContactForm;
    if (name === 'contact.validate') {
      const errors = typeof form.email === 'string' && form.email.startsWith('taken') ? [{ path: 'email', message: 'this email is already subscribed' }] : [];
      return json({ result: { valid: errors.length === 0, errors } });
    }
    if (name !== 'contact.submit') return json({ status: 404, title: 'Not Found' }, 404);
    if (form.email === 'taken@example.com') {
      return json(
        { status: 409, title: 'Already subscribed', errors: [{ path: 'email', message: 'this email is already subscribed' }] },
        409,
      );
    }
    if (form.email === 'forbidden@example.com') {
      return json({ status: 403, title: 'Forbidden', detail: 'You may not use this form', code: 'MIZAN-150' }, 403);
    }
    if (form.name === 'server') {
      return json(
        {
          status: 422,
          title: 'Validation failed',
          code: 'MIZAN-183',
          errors: [
            { path: 'name', message: 'darf nicht leer sein' },
            { path: '', message: 'the form is odd' },
          ],
        },
        422,
      );
    }
    received.push(form);
    return json({ result: { ticket: `T-${received.length}`, by: null }, invalidate: ['inbox'] });
  };
  return { fetch, calls, received, gate, inboxReads: () => inboxReads };
}
