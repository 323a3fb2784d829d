// How an application uses the generated code; compiled with it under --strict to check the types
// say what they should. Lines under @ts-expect-error must fail to compile.

import type { ReactElement } from 'react';
import {
  GreetProvider,
  chatChannel,
  chatMessageSchema,
  MizanProvider,
  UserProfileProvider,
  createMizanClient,
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
import type { CallResult, ChatMessage, Page, Profile, Role, UpdateNameArgs, UserView } from './index';

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
      {/* @ts-expect-error userId is required */}
      <UserProfileProvider lang="en" />
    </MizanProvider>
  );
}
