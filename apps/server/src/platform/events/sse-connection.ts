import type { ServerResponse } from 'node:http';
import type { DomainEventRow } from './events.tables';

export interface SseBounds {
  /** Bytes the socket may hold unsent before the client counts as not reading. */
  maxBufferedBytes: number;
  /** How long the browser waits before reconnecting (the `retry:` field), ms. */
  retryMs: number;
}

/** What a screen receives for one event: no provider or actor ids, the payload as emitted. */
export function wireEvent(event: DomainEventRow) {
  return {
    type: event.type,
    entity: event.entity,
    entityId: event.entityId,
    regionCode: event.regionCode,
    occurredAt: event.occurredAt.toISOString(),
    payload: event.payload,
  };
}

/**
 * One open text/event-stream response. Every write goes straight to the socket; a client that
 * does not read makes the socket's buffer grow, and past the bound the connection is dropped
 * (the browser reconnects with Last-Event-ID when it reads again), so memory stays bounded per
 * connection whatever the client does.
 */
export class SseConnection {
  private ended = false;
  /** Ids sent lately: a replay and the live feed overlap while a resume catches up. */
  private readonly recent = new Set<string>();
  private readonly onEnd: (() => void)[] = [];

  constructor(
    private readonly response: ServerResponse,
    private readonly bounds: SseBounds,
  ) {
    response.on('close', () => this.finish());
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  whenEnded(callback: () => void): void {
    if (this.ended) callback();
    else this.onEnd.push(callback);
  }

  open(headers: Record<string, string | number | string[]>): void {
    this.response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold events back to fill a buffer.
      'x-accel-buffering': 'no',
    });
    this.write(`retry: ${this.bounds.retryMs}\n\n`);
  }

  send(event: DomainEventRow): void {
    const id = event.id.toString();
    if (this.recent.has(id)) return;
    this.recent.add(id);
    if (this.recent.size > 1_000) this.recent.delete(this.recent.values().next().value!);
    // Unnamed (the default `message`): a browser's EventSource has no wildcard listener, and the
    // type is in the data, so a screen hears every type without a list of them.
    this.write(`id: ${id}\ndata: ${JSON.stringify(wireEvent(event))}\n\n`);
  }

  /** Tells the client that it may have missed events and should refetch what it shows. */
  reset(resumeFrom: bigint | null): void {
    const id = resumeFrom === null ? '' : `id: ${resumeFrom}\n`;
    this.write(`${id}event: reset\ndata: {}\n\n`);
  }

  /** A comment line: keeps proxies from timing the connection out and finds dead peers. */
  ping(): void {
    this.write(': ping\n\n');
  }

  close(): void {
    if (this.ended) return;
    this.response.end();
    this.finish();
  }

  private write(text: string): void {
    if (this.ended) return;
    this.response.write(text);
    if (this.response.writableLength > this.bounds.maxBufferedBytes) {
      // Not reading: destroy, as end() would wait behind what is already unsent.
      this.response.destroy();
      this.finish();
    }
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    for (const callback of this.onEnd.splice(0)) callback();
  }
}
