import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { request } from '../shared/api.js';
import { SessionContext, type SessionControl, type SessionState, type SessionView } from './session-context.js';

/** Asks the server once who is signed in (the session cookie is HttpOnly: the page cannot read it). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    request<SessionView>('/api/session', { language }).then(
      (session) => setState({ kind: 'signed-in', session }),
      () => setState({ kind: 'signed-out', expired: false }),
    );
    // Only at load: later changes come from sign-in, expiry and sign-out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signOut = useCallback(async () => {
    if (state.kind === 'signed-in') {
      await request('/api/session', { method: 'DELETE', headers: { 'x-csrf-token': state.session.csrfToken }, language }).catch(
        () => undefined,
      );
    }
    setState({ kind: 'signed-out', expired: false });
  }, [state, language]);

  const control = useMemo<SessionControl>(
    () => ({
      state,
      signedIn: (session) => setState({ kind: 'signed-in', session }),
      expired: () => setState({ kind: 'signed-out', expired: true }),
      signOut,
    }),
    [state, signOut],
  );
  return <SessionContext.Provider value={control}>{children}</SessionContext.Provider>;
}
