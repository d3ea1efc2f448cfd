import type { MqttClient } from 'mqtt';

/** One message as a subscriber gets it. */
export interface MqttMessage {
  topic: string;
  payload: Buffer;
}

export type MqttHandler = (message: MqttMessage) => void | Promise<void>;

export interface MqttPublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
}

/**
 * The broker as the platform offers it to modules, the same whether the broker is embedded or
 * external: a module publishes and subscribes here and never sees which it is. Received through
 * buildApp's deps (`deps.mqtt`); absent when MQTT is off.
 */
export interface MqttPort {
  publish(topic: string, payload: string | Buffer, options?: MqttPublishOptions): Promise<void>;
  /**
   * Calls `handler` for every message on a topic matching `filter` (`+` and `#` wildcards); the
   * subscription survives reconnects. Resolves once the broker has acknowledged it; returns the
   * way to stop.
   */
  subscribe(filter: string, handler: MqttHandler, options?: { qos?: 0 | 1 }): Promise<() => Promise<void>>;
}

/** MQTT topic matching (MQTT 3.1.1 §4.7): `+` one level, `#` the rest; `$…` topics only by name. */
export function topicMatches(filter: string, topic: string): boolean {
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * The port over an mqtt.js client: the one code path for both brokers (the embedded one is
 * reached in process, see embedded-broker.ts). A handler that throws is reported through
 * `onHandlerError` and does not stop the others.
 */
export function createMqttPort(
  client: MqttClient,
  onHandlerError: (error: unknown, message: MqttMessage) => void,
): MqttPort {
  const handlers = new Map<string, Set<MqttHandler>>();
  client.on('message', (topic, payload) => {
    const message = { topic, payload };
    for (const [filter, set] of handlers) {
      if (!topicMatches(filter, topic)) continue;
      for (const handler of set) {
        Promise.resolve()
          .then(() => handler(message))
          .catch((error: unknown) => onHandlerError(error, message));
      }
    }
  });

  return {
    async publish(topic, payload, options = {}) {
      await client.publishAsync(topic, payload, { qos: options.qos ?? 0, retain: options.retain ?? false });
    },
    async subscribe(filter, handler, options = {}) {
      let set = handlers.get(filter);
      if (!set) handlers.set(filter, (set = new Set()));
      set.add(handler);
      await client.subscribeAsync(filter, { qos: options.qos ?? 0 });
      return async () => {
        set.delete(handler);
        if (set.size > 0 || handlers.get(filter) !== set) return;
        handlers.delete(filter);
        await client.unsubscribeAsync(filter);
      };
    },
  };
}
