import { afterEach, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { loadConfig } from '../../config';
import { startEmbeddedBroker } from './embedded-broker';
import { startConfiguredBroker, type StartedBroker } from './start-broker';
import { topicMatches, type MqttMessage } from './mqtt-port';

/** A device's credentials, admitted by the test's authenticator (the real one admits nobody yet). */
const DEVICE = { username: 'device-1', password: 'device-secret' };
const admitDevice = async (_id: string, username?: string, password?: Buffer) =>
  username === DEVICE.username && password?.toString() === DEVICE.password;

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** The broker of a start with `env` (port 0: a free one, never Mosquitto's 1883). */
async function started(env: NodeJS.ProcessEnv): Promise<StartedBroker> {
  const broker = await startConfiguredBroker(loadConfig({ MQTT_PORT: '0', ...env }).broker, () => undefined, {
    authenticate: admitDevice,
  });
  closers.push(broker.close);
  return broker;
}

async function device(url: string, credentials: { username?: string; password?: string } = DEVICE) {
  const client = await mqtt.connectAsync(url, { ...credentials, reconnectPeriod: 0 });
  closers.push(() => client.endAsync());
  return client;
}

const portOf = (broker: StartedBroker) => Number(/:(\d+)$/.exec(broker.describe)![1]);

function nextMessage(): { received: Promise<MqttMessage>; handler: (m: MqttMessage) => void } {
  let handler!: (m: MqttMessage) => void;
  const received = new Promise<MqttMessage>((resolve) => (handler = resolve));
  return { received, handler };
}

describe('MqttPort', () => {
  it('a subscriber on the port gets what a device publishes to the embedded broker', async () => {
    const broker = await started({});
    const { received, handler } = nextMessage();
    await broker.port!.subscribe('devices/+/alarm', handler, { qos: 1 });

    const client = await device(`mqtt://127.0.0.1:${portOf(broker)}`);
    await client.publishAsync('devices/d-17/status', 'ok', { qos: 1 });
    await client.publishAsync('devices/d-17/alarm', '{"kind":"fall"}', { qos: 1 });

    const message = await received;
    expect(message.topic).toBe('devices/d-17/alarm');
    expect(message.payload.toString()).toBe('{"kind":"fall"}');
  });

  it('a device gets what a module publishes on the port', async () => {
    const broker = await started({});
    const client = await device(`mqtt://127.0.0.1:${portOf(broker)}`);
    const got = new Promise<string>((resolve) =>
      client.on('message', (_t, payload) => resolve(payload.toString())),
    );
    await client.subscribeAsync('commands/d-17', { qos: 1 });
    await broker.port!.publish('commands/d-17', 'ping', { qos: 1 });
    expect(await got).toBe('ping');
  });

  it('works the same against an external broker', async () => {
    // Another broker on a free port stands in for Mosquitto or EMQX.
    const external = await startEmbeddedBroker({
      port: 0,
      host: '127.0.0.1',
      portExplicit: true,
      authenticate: async () => true,
    });
    closers.push(external.close);
    const url = `mqtt://127.0.0.1:${external.port}`;
    const broker = await started({ MQTT_URL: url });
    expect(broker.kind).toBe('external');
    const { received, handler } = nextMessage();
    await broker.port!.subscribe('devices/#', handler);
    await (await device(url, {})).publishAsync('devices/d-3/heartbeat', 'beat');
    expect((await received).payload.toString()).toBe('beat');
  });

  it('still refuses devices without credentials', async () => {
    const broker = await started({});
    await expect(device(`mqtt://127.0.0.1:${portOf(broker)}`, {})).rejects.toThrow(/authori[sz]ed/i);
  });

  it('has no port when MQTT is off', async () => {
    expect((await started({ MQTT_URL: 'off' })).port).toBeNull();
  });
});

describe('the embedded broker’s address', () => {
  it('is 127.0.0.1 by default, even when HTTP listens on every address', async () => {
    const broker = await started({ HOST: '0.0.0.0' });
    expect(broker.describe).toMatch(/^embedded MQTT broker on 127\.0\.0\.1:\d+$/);
  });

  it('is MQTT_LISTEN_HOST when that is set', async () => {
    const broker = await started({ MQTT_LISTEN_HOST: '0.0.0.0' });
    expect(broker.describe).toMatch(/^embedded MQTT broker on 0\.0\.0\.0:\d+$/);
  });
});

describe('topicMatches', () => {
  it('follows the MQTT wildcards', () => {
    expect(topicMatches('a/+/c', 'a/b/c')).toBe(true);
    expect(topicMatches('a/+/c', 'a/b/d')).toBe(false);
    expect(topicMatches('a/#', 'a')).toBe(true);
    expect(topicMatches('a/#', 'a/b/c')).toBe(true);
    expect(topicMatches('a/b', 'a/b/c')).toBe(false);
    expect(topicMatches('#', '$SYS/uptime')).toBe(false);
  });
});
