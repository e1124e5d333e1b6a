import { useCallback } from 'react';
import { useI18n } from '../i18n/index.js';
import { isProblem, request, type RequestOptions } from '../shared/api.js';
import { useSession } from './session-context.js';

/**
 * Calls the staff API: the anti-forgery header on every unsafe request, and a 401 (the
 * session ended or expired) sends the person back to the sign-in page with a message.
 */
export function useStaffApi() {
  const { state, expired } = useSession();
  const { language } = useI18n();
  const csrfToken = state.kind === 'signed-in' ? state.session.csrfToken : undefined;
  return useCallback(
    async <T>(path: string, options: Omit<RequestOptions, 'language'> = {}): Promise<T> => {
      const unsafe = options.method !== undefined && options.method !== 'GET';
      const headers = { ...options.headers, ...(unsafe && csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
      try {
        return await request<T>(path, { ...options, headers, language });
      } catch (failure) {
        if (isProblem(failure) && failure.status === 401) expired();
        throw failure;
      }
    },
    [csrfToken, language, expired],
  );
}
