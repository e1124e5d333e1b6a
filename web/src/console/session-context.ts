import { createContext, useContext } from 'react';

/** What GET /api/session answers: who is signed in, what they may do, and the anti-forgery token. */
export interface SessionView {
  user: { id: string; organisationId: string; roles: string[] };
  allowedActions: string[];
  csrfToken: string;
}

export type SessionState = { kind: 'loading' } | { kind: 'signed-out'; expired: boolean } | { kind: 'signed-in'; session: SessionView };

export interface SessionControl {
  state: SessionState;
  signedIn(session: SessionView): void;
  /** The server answered 401: back to the sign-in page, saying why. */
  expired(): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionControl | null>(null);

export function useSession(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSession outside a SessionProvider');
  return control;
}

/** The signed-in session; only pages behind the sign-in use it. */
export function useSignedIn(): SessionView {
  const { state } = useSession();
  if (state.kind !== 'signed-in') throw new Error('useSignedIn without a session');
  return state.session;
}

export function useCan(action: string): boolean {
  return useSignedIn().allowedActions.includes(action);
}
