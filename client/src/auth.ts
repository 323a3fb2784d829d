// Signing in and out through the server's auth.* functions (mizan.auth.functions=true): React hooks.

import { useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { resetAllContexts } from './cache';
import { useMizanContext } from './contexts';
import type { MizanError } from './errors';
import { useMizanMutation } from './mutations';
import type { MizanMutation, MizanMutationOptions } from './mutations';
import { useOptionalMizanSocket } from './react';
import { SESSION_CONTEXT } from './session';
import type { Credentials, Session } from './session';

/**
 * Who is signed in (`null`: nobody), from the context `auth.session`, hydrated into the page.
 *
 * @example
 * const { data: session } = useSession();
 * return session ? <p>Signed in as {session.user}</p> : <SignIn />;
 */
export function useSession(): UseQueryResult<Session | null, MizanError> {
  return useMizanContext<Session | null>(SESSION_CONTEXT);
}

/**
 * Signs in. On success every context the page holds is refetched (the caller changed) and the
 * page's socket reopens as the new user. A wrong user name or password is a 401 whose field error
 * (`error.fieldError('password')`) a form shows; too many failures a 429.
 *
 * @example
 * const login = useLogin();
 * login.mutate({ username, password });
 * {login.error && <p role="alert">{login.error.fieldError('password') ?? login.error.title}</p>}
 */
export function useLogin(options?: MizanMutationOptions<Credentials, Session>): MizanMutation<Credentials, Session> {
  return useMizanMutation<Credentials, Session>('auth.login', useCallerChange(options));
}

/**
 * Signs out: the session ends, every context is refetched and the socket reopens anonymous.
 *
 * @example
 * const logout = useLogout();
 * <button onClick={() => logout.mutate()}>Sign out</button>
 */
export function useLogout(options?: MizanMutationOptions<void, void>): MizanMutation<void, void> {
  return useMizanMutation<void, void>('auth.logout', useCallerChange(options));
}

function useCallerChange<A, R>(options: MizanMutationOptions<A, R> | undefined): MizanMutationOptions<A, R> {
  const queryClient = useQueryClient();
  const socket = useOptionalMizanSocket();
  return {
    ...options,
    onSuccess: async (result, args, invalidated) => {
      socket?.reconnect();
      await resetAllContexts(queryClient);
      await options?.onSuccess?.(result, args, invalidated);
    },
  };
}
