import { render, screen, waitFor, act } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  MizanError,
  MizanProvider,
  UserProfileProvider,
  createMizanClient,
  rename,
  settings,
  useRename,
  useUserProfile,
  type MizanClient,
} from './generated';

const base = process.env['MIZAN_BASE_URL'];
if (!base) {
  throw new Error('MIZAN_BASE_URL is not set: this suite runs from ContextsIT against a deployed WAR');
}

/** A client over the real network that counts each context fetch by its URL. */
function countingClient(): { client: MizanClient; fetches: Map<string, number> } {
  const fetches = new Map<string, number>();
  const client = createMizanClient({
    baseUrl: base,
    fetch: (url, init) => {
      const path = new URL(url).pathname + new URL(url).search;
      if (path.includes('/ctx/')) fetches.set(path.slice(path.indexOf('/ctx/')), (fetches.get(path.slice(path.indexOf('/ctx/'))) ?? 0) + 1);
      return fetch(url, init);
    },
  });
  return { client, fetches };
}

function ProfileName() {
  const profile = useUserProfile();
  return <span>{profile.data ? `${profile.data.userId}:${profile.data.name}` : 'loading'}</span>;
}

let renamer: ReturnType<typeof useRename> | undefined;
function Renamer() {
  renamer = useRename();
  return null;
}

describe('the generated client against Payara Micro', () => {
  it('calls functions and reads contexts through the generated API', async () => {
    const client = createMizanClient({ baseUrl: base });
    const answer = await rename(client, { userId: 31, name: 'Ida' });
    expect(answer.result).toEqual({ userId: 31, name: 'Ida' });
    expect(answer.invalidate).toEqual(['currentUser', 'userProfile;userId=31']);
    expect((await settings(client)).motto).toBeTypeOf('string');
  });

  it('refetches exactly the entry whose key the mutation scoped', async () => {
    const { client, fetches } = countingClient();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    render(
      <MizanProvider client={client} queryClient={queryClient} hydration={false}>
        <UserProfileProvider userId={41}>
          <ProfileName />
        </UserProfileProvider>
        <UserProfileProvider userId={42}>
          <ProfileName />
        </UserProfileProvider>
        <Renamer />
      </MizanProvider>,
    );
    await screen.findByText('41:user41');
    await screen.findByText('42:user42');
    expect(fetches.get('/ctx/userProfile?userId=41')).toBe(1);
    expect(fetches.get('/ctx/userProfile?userId=42')).toBe(1);

    await act(async () => {
      await renamer!.mutateAsync({ userId: 41, name: 'Zed' });
    });

    await waitFor(() => expect(screen.getByText('41:Zed')).toBeTruthy());
    expect(renamer!.invalidated).toEqual(['currentUser', 'userProfile;userId=41']);
    expect(fetches.get('/ctx/userProfile?userId=41')).toBe(2);
    expect(fetches.get('/ctx/userProfile?userId=42')).toBe(1);
    expect(screen.getByText('42:user42')).toBeTruthy();
  });

  it('turns a 422 into a MizanError with field paths', async () => {
    const client = createMizanClient({ baseUrl: base });
    const failure = await rename(client, { userId: 1, name: ' ' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MizanError);
    expect((failure as MizanError).status).toBe(422);
    expect((failure as MizanError).fieldError('name')).toBeTruthy();
    await expect(client.call('greetNobody', {})).rejects.toMatchObject({ status: 404 });
  });
});
