import http from 'node:http';

export interface StreamedEvent {
  id?: string;
  event: string;
  data: string;
}

export interface EventStreamClient {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Events (and `reset`s) in arrival order; comments are counted in `comments`. */
  events: StreamedEvent[];
  comments: string[];
  retry?: number;
  /** Resolves when `probe` holds for what arrived, or rejects when the stream ends first or after `timeoutMs`. */
  until(probe: (client: EventStreamClient) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves when the server has ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * A text/event-stream reader over node:http, as an EventSource would read it: fields per line,
 * an event per blank line, `:` comments.
 */
export function openEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamClient> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      let buffer = '';
      let current: Partial<StreamedEvent> & { data?: string } = {};
      const waiters = new Set<() => void>();
      let endedResolve!: () => void;
      const client: EventStreamClient = {
        status: response.statusCode ?? 0,
        headers: response.headers,
        events: [],
        comments: [],
        ended: new Promise<void>((r) => (endedResolve = r)),
        until(probe, timeoutMs = 20_000) {
          return new Promise((ok, fail) => {
            const check = () => {
              if (probe(client)) {
                waiters.delete(check);
                clearTimeout(timer);
                ok();
              }
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              fail(new Error(`stream: not within ${timeoutMs} ms; got ${JSON.stringify(client.events)}`));
            }, timeoutMs);
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      };
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (current.data !== undefined || current.event) {
              client.events.push({
                id: current.id,
                event: current.event ?? 'message',
                data: current.data ?? '',
              });
            }
            current = {};
          } else if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(':');
            const field = line.slice(0, colon);
            const value = line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') current.id = value;
            else if (field === 'event') current.event = value;
            else if (field === 'data')
              current.data = current.data === undefined ? value : `${current.data}\n${value}`;
            else if (field === 'retry') client.retry = Number(value);
          }
        }
        for (const waiter of [...waiters]) waiter();
      });
      const end = () => {
        endedResolve();
        for (const waiter of [...waiters]) waiter();
      };
      response.on('end', end);
      response.on('close', end);
      response.on('error', end);
      resolve(client);
    });
    request.on('error', reject);
  });
}

export interface StreamedData {
  id?: string;
  type: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/** The data of the events of `type` that arrived, parsed. */
export const dataOf = (client: EventStreamClient, type?: string): StreamedData[] =>
  client.events
    .filter((e) => e.event !== 'reset' && (!type || e.event === type))
    .map((e) => ({ id: e.id, ...(JSON.parse(e.data) as Omit<StreamedData, 'id'>) }));
