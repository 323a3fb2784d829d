// How an application uses the generated code; compiled with it under --strict to check the types
// say what they should. Lines under @ts-expect-error must fail to compile.

import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import {
  GreetProvider,
  MizanField,
  MizanForm,
  bookingForm,
  chatChannel,
  contactForm,
  chatMessageSchema,
  MizanProvider,
  UserProfileProvider,
  createMizanClient,
  isMizanError,
  mizanResolver,
  setServerErrors,
  useBookingForm,
  useContactForm,
  currentUser,
  searchUsers,
  signupArgs,
  updateName,
  updateNameArgs,
  useChatChannel,
  useCurrentUser,
  useGreet,
  usePing,
  useSearchUsers,
  useUpdateName,
  useUserProfile,
} from './index';
import type {
  CallResult,
  ChatMessage,
  ContactForm,
  Page,
  Profile,
  Role,
  Sent,
  Topic,
  UpdateNameArgs,
  UserView,
} from './index';

export async function outsideReact(): Promise<string> {
  const mizan = createMizanClient({ baseUrl: '/api/mizan' });
  const me: UserView = await currentUser(mizan);
  const renamed: CallResult<UserView> = await updateName(mizan, { userId: me.id, name: 'Al' });
  const keys: string[] = renamed.invalidate;
  const page: Page<UserView> = (await searchUsers(mizan, { page: 1, quota: { ADMIN: 2 } })).result;
  // @ts-expect-error userId is a number
  await updateName(mizan, { userId: '5', name: 'Al' });
  // @ts-expect-error name is required
  await updateName(mizan, { userId: 5 });
  const email: string | null = me['e-mail'];
  return [keys.join(','), String(page.total), email ?? ''].join(' ');
}

export function validate(input: unknown): UpdateNameArgs | string {
  const parsed = updateNameArgs.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => i.message).join(', ');
  const args: UpdateNameArgs = parsed.data;
  const form = signupArgs.shape.form;
  return form === undefined ? 'no form' : args;
}

function Profile(): ReactElement {
  const { data } = useUserProfile();
  const profile: Profile | undefined = data;
  const role: Role | undefined = profile?.user.role;
  return <p>{role}</p>;
}

function Greeting(): ReactElement {
  const greeting = useGreet();
  return <h1>{greeting.data?.text}</h1>;
}

function Chat(): ReactElement {
  const chat = useChatChannel(
    { room: 'lobby' },
    { onMessage: (m: ChatMessage) => console.log(m.author), keep: 100 },
  );
  const onSend = (text: string): void => {
    const parsed = chatMessageSchema.safeParse({ text, author: null, sent: null });
    if (parsed.success) chat.send(parsed.data);
    // @ts-expect-error messages are typed
    chat.send({ body: text });
  };
  // @ts-expect-error the params are typed
  useChatChannel({ lobby: 'x' });
  const name: 'chat' = chatChannel.name;
  const presence: true = chatChannel.presence;
  return (
    <section title={name} hidden={!presence || chat.error !== undefined}>
      <p>{chat.status}: {chat.members.map((m) => m.user ?? 'guest').join(', ')}</p>
      {chat.messages.map((m, i) => <p key={i}>{m.text}</p>)}
      <button onClick={() => onSend('hi')}>send</button>
    </section>
  );
}

function Contact(): ReactElement {
  const form = useContactForm({
    initialValues: { topic: 'SALES' },
    onSuccess: (sent: Sent, values: ContactForm) => console.log(sent.ticket, values.email),
  });
  const topic: Topic | null | undefined = form.values.topic;
  const age: number | null | undefined = form.values.age_in_years;
  form.setValue('age_in_years', 42);
  // @ts-expect-error values are typed
  form.setValue('age_in_years', 'old');
  // @ts-expect-error fields are named
  form.field('nmae');
  const title: string = contactForm.title;
  const ticket: string | undefined = form.result?.ticket;
  return (
    <form onSubmit={form.submit} noValidate title={title}>
      <input type="email" {...form.field('email')} />
      <select {...form.field('topic')}>
        <option value="SALES">{topic}</option>
      </select>
      <textarea {...form.field('message')} />
      <input type="radio" {...form.field('topic', 'SUPPORT')} />
      <MizanField form={form} name="newsletter" />
      <p>{form.errors['email'] ?? form.errors[''] ?? ticket ?? String(age)}</p>
      <button disabled={form.isSubmitting} onClick={() => form.reset()}>Send</button>
    </form>
  );
}

function ContactWithHookForm(): ReactElement {
  const contact = useContactForm();
  const { register, handleSubmit, setError, formState } = useForm({ resolver: mizanResolver(contactForm) });
  const onSubmit = handleSubmit(async (values) => {
    const record: ContactForm = values;
    try {
      const sent: Sent = await contact.submitValues(record);
      console.log(sent.ticket);
    } catch (e) {
      if (isMizanError(e)) setServerErrors(contactForm, e, setError);
    }
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)}>
      <input {...register('email')} aria-invalid={formState.errors.email !== undefined} />
      <input type="number" {...register('age_in_years')} />
      <p>{formState.errors.email?.message}</p>
    </form>
  );
}

function Booking(): ReactElement {
  const booking = useBookingForm();
  const booked: null | undefined = booking.result;
  return (
    <MizanForm
      definition={bookingForm}
      submitLabel="Book"
      initialValues={{ token: 't-1', guests: 2 }}
      onSuccess={() => console.log(booked)}
    >
      {(form) => form.submitError && <p>{form.submitError.title}</p>}
    </MizanForm>
  );
}

export function App(): ReactElement {
  const user = useCurrentUser();
  const rename = useUpdateName({ onSuccess: (result: UserView) => console.log(result.name) });
  const ping = usePing();
  const search = useSearchUsers();
  const onClick = (): void => {
    rename.mutate({ userId: user.data?.id ?? 0, name: 'Al' });
    ping.mutate();
    search.mutate({ query: null, page: 2, quota: {} });
    // @ts-expect-error the arguments are typed
    rename.mutate({ userId: 1 });
  };
  return (
    <MizanProvider baseUrl="/api/mizan">
      <button onClick={onClick} disabled={rename.isPending}>
        {rename.error?.message ?? user.data?.name}
      </button>
      <UserProfileProvider userId={5} lang="en">
        <Profile />
      </UserProfileProvider>
      <GreetProvider name="Al">
        <Greeting />
      </GreetProvider>
      <Chat />
      <Contact />
      <ContactWithHookForm />
      <Booking />
      <MizanForm definition={contactForm} onSuccess={(sent) => console.log(sent.ticket)} />
      {/* @ts-expect-error the initial values are typed */}
      <MizanForm definition={contactForm} initialValues={{ topic: 'OTHER' }} />
      {/* @ts-expect-error userId is required */}
      <UserProfileProvider lang="en" />
    </MizanProvider>
  );
}
