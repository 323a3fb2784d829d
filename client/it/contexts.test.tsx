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

/** A client over the real network that counts each context read by its URL, batched or not, and each request. */
function countingClient(): { client: MizanClient; fetches: Map<string, number>; requests: string[] } {
  const fetches = new Map<string, number>();
  const requests: string[] = [];
  const count = (read: string) => fetches.set(read, (fetches.get(read) ?? 0) + 1);
  const client = createMizanClient({
    baseUrl: base,
    fetch: (url, init) => {
      const path = new URL(url).pathname + new URL(url).search;
      requests.push(path.slice(path.lastIndexOf('/mizan/') + '/mizan'.length));
      if (path.includes('/ctx/')) count(path.slice(path.indexOf('/ctx/')));
      if (path.endsWith('/batch')) {
        for (const entry of (JSON.parse(String(init.body)) as { batch: { ctx?: string; params?: Record<string, string> }[] }).batch) {
          if (entry.ctx) count(`/ctx/${entry.ctx}` + (entry.params && Object.keys(entry.params).length ? '?' + new URLSearchParams(entry.params) : ''));
        }
      }
      return fetch(url, init);
    },
  });
  return { client, fetches, requests };
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

  it('sends what is asked in one tick as one batch, each answer and error its own', async () => {
    const { client, requests } = countingClient();
    const [motto, before, renamed, refused, unknown] = await Promise.allSettled([
      settings(client),
      client.context<{ name: string }>('userProfile', { userId: 51 }),
      rename(client, { userId: 51, name: 'Bea' }),
      rename(client, { userId: 51, name: ' ' }),
      client.context('noSuchContext'),
    ]);
    expect(requests).toEqual(['/batch']);
    expect(motto.status === 'fulfilled' && typeof motto.value.motto).toBe('string');
    expect(before.status === 'fulfilled' && before.value.name).toBe('user51');
    expect(renamed.status === 'fulfilled' && renamed.value).toEqual({
      result: { userId: 51, name: 'Bea' },
      invalidate: ['currentUser', 'userProfile;userId=51'],
    });
    const error = refused.status === 'rejected' ? (refused.reason as MizanError) : undefined;
    expect([error?.status, error?.code, Boolean(error?.fieldError('name'))]).toEqual([422, 'MIZAN-137', true]);
    expect(unknown.status === 'rejected' && (unknown.reason as MizanError).code).toBe('MIZAN-101');
    // in order: the read after the rename sees it
    expect(await client.context<{ name: string }>('userProfile', { userId: 51 })).toMatchObject({ name: 'Bea' });
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
