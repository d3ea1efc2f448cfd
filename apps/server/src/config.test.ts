import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database, embedded broker and demo mode', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database.kind).toBe('pglite');
    expect(c.broker).toEqual({ kind: 'embedded', port: 1883, portExplicit: false, host: '127.0.0.1' });
    expect(c.demo).toBe(true);
  });

  it('turns demo mode off by default with PostgreSQL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://localhost/yiyang' });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://localhost/yiyang' });
    expect(c.demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', YIYANG_DEMO: '1' }).demo).toBe(true);
  });

  it('keeps the embedded broker on this machine even when HTTP listens on every address', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).broker).toMatchObject({ kind: 'embedded', host: '127.0.0.1' });
    expect(loadConfig({ MQTT_LISTEN_HOST: '0.0.0.0' }).broker).toMatchObject({ host: '0.0.0.0' });
  });

  it('uses an external broker or none', () => {
    expect(loadConfig({ MQTT_URL: 'mqtt://127.0.0.1:1883' }).broker.kind).toBe('external');
    expect(loadConfig({ MQTT_URL: 'off' }).broker.kind).toBe('off');
  });

  it('names every wrong variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', YIYANG_SECRET: 'short', YIYANG_DEMO: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'YIYANG_SECRET', 'YIYANG_DEMO'])
        expect(message).toContain(name);
    }
  });
});
