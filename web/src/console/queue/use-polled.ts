import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.js';
import { useSession } from '../session-context.js';

/** How often the queue asks whether anything changed: a 304 costs the server a hash. */
export const pollIntervalMs = 10_000;

export interface Polled<T> {
  data: T | null;
  /** The server's problem (its title, or the first field's detail), or `network` when it could not be reached. */
  error: string | null;
  /** Asks again now (after one's own step), without waiting for the next tick. */
  refresh(): void;
}

function problemText(body: unknown): string | undefined {
  const problem = body as { title?: string; errors?: { detail?: string }[] } | null;
  return problem?.errors?.[0]?.detail ?? problem?.title;
}

/**
 * Polls a view the triage API tags (`ETag`), sending the last tag in `If-None-Match`: a 304
 * keeps what is shown. The API answers `no-store`, so the tag is kept here, never in the
 * browser's cache. Polling pauses while the tab is hidden and resumes at once when shown.
 */
export function usePolled<T>(path: string, intervalMs = pollIntervalMs): Polled<T> {
  const { language } = useI18n();
  const { expired } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const tag = useRef<string | null>(null);

  useEffect(() => {
    tag.current = null;
  }, [path]);

  useEffect(() => {
    let live = true;
    const controller = new AbortController();
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
    if (tag.current) headers['if-none-match'] = tag.current;
    const poll = async () => {
      const response = await fetch(path, { headers, credentials: 'same-origin', cache: 'no-store', signal: controller.signal });
      if (response.status === 401) return expired();
      if (response.status === 304) return setError(null);
      const body = (await response.json()) as unknown;
      if (!live) return;
      if (!response.ok) return setError(problemText(body) ?? response.statusText);
      tag.current = response.headers.get('etag');
      setData(body as T);
      setError(null);
    };
    // Leaving the page aborts the request, body included: that is not a failure to show.
    poll().catch(() => live && setError('network'));
    const timer = window.setTimeout(() => {
      if (document.visibilityState === 'visible') setTick((n) => n + 1);
    }, intervalMs);
    const onVisible = () => document.visibilityState === 'visible' && setTick((n) => n + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      controller.abort();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [path, language, expired, intervalMs, tick]);

  return { data, error, refresh: () => setTick((n) => n + 1) };
}
