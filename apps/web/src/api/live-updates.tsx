import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ME_KEY, useMe } from './session';
import { eventKind } from '@yiyang/domain';
import { isAffected, type LiveEvent } from './live-event-queries';

type Listener = (event: LiveEvent) => void;
const Listeners = createContext<Set<Listener> | null>(null);

const STREAM = '/api/v1/events/stream';
/** Bursts (an import of many elders) refetch once, not once per event. */
const INVALIDATE_EVERY_MS = 1_000;
/** After the server refused the stream (429, an outage), the browser gives up: we try again. */
const REOPEN_AFTER_MS = 30_000;

/**
 * One EventSource for the signed-in session, near the root: its events mark the affected cached
 * queries stale (those on screen refetch) and go to the pages that subscribe (`useLiveEvent`).
 * The browser reconnects by itself and sends Last-Event-ID; when it gives up (an error answer),
 * the stream is opened again later from the last id. Closed on logout.
 */
export function LiveUpdatesProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const [listeners] = useState(() => new Set<Listener>());
  const signedIn = !!me && !me.mustChangePassword;
  const sessionId = me?.id;

  useEffect(() => {
    if (!signedIn || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    const kinds = new Set<string>();

    const invalidateSoon = (kind: string | null) => {
      if (kind === null) kinds.add('*');
      else kinds.add(kind);
      flush ??= setTimeout(() => {
        flush = undefined;
        const all = kinds.has('*');
        const affected = [...kinds];
        kinds.clear();
        void client.invalidateQueries({
          predicate: (query) =>
            all ? query.queryKey[0] !== ME_KEY[0] : isAffected(query.queryKey, affected),
        });
      }, INVALIDATE_EVERY_MS);
    };

    const onEvent = (message: MessageEvent<string>) => {
      lastId = message.lastEventId || lastId;
      const event = { id: message.lastEventId, ...(JSON.parse(message.data) as Omit<LiveEvent, 'id'>) };
      invalidateSoon(eventKind(event.type));
      for (const listener of listeners) listener(event);
    };

    const open = () => {
      const url = lastId ? `${STREAM}?lastEventId=${encodeURIComponent(lastId)}` : STREAM;
      source = new EventSource(url);
      // Events come unnamed, their type in the data; only `reset` is named.
      source.onmessage = onEvent;
      source.addEventListener('reset', (message) => {
        lastId = (message as MessageEvent).lastEventId || lastId;
        invalidateSoon(null);
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        source = null;
        // Perhaps the session ended: asking again lets the app show the login page.
        void client.invalidateQueries({ queryKey: ME_KEY });
        reopen = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      clearTimeout(flush);
      source?.close();
    };
  }, [signedIn, sessionId, client, listeners]);

  return <Listeners.Provider value={listeners}>{children}</Listeners.Provider>;
}

/**
 * Calls `listener` with every live event of the session (for counts a page shows live); the
 * affected cached queries are refreshed anyway. The newest `listener` is called; it need not be
 * memoised.
 */
export function useLiveEvent(listener: Listener): void {
  const listeners = useContext(Listeners);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!listeners) return;
    const call: Listener = (event) => latest.current(event);
    listeners.add(call);
    return () => {
      listeners.delete(call);
    };
  }, [listeners]);
}
