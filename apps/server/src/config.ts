import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  MQTT_URL: z
    .string()
    .regex(/^(mqtts?|wss?|tcp|tls):\/\/|^off$/, {
      error: 'must be an mqtt://, mqtts://, ws:// URL, or "off"',
    })
    .optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Where the embedded broker listens: this machine only, unless devices are to reach it. */
  MQTT_LISTEN_HOST: z.string().min(1).default('127.0.0.1'),
  YIYANG_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  YIYANG_DEMO: flag.optional(),
  YIYANG_DEMO_PASSWORD: z.string().min(10).optional(),
  YIYANG_DEMO_ELDERS: z.coerce.number().int().min(0).max(2_000_000).optional(),
  /** A font file that draws Chinese for PDF reports (`file` or `file.ttc#Face`); else a system one. */
  YIYANG_PDF_FONT: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Reverse-proxy hops whose X-Forwarded-For is believed; 0 trusts none (the address is the peer's). */
  TRUST_PROXY: z.coerce
    .number({ error: 'must be the number of reverse-proxy hops to trust (0 for none)' })
    .int()
    .min(0)
    .max(10)
    .default(0),
  COOKIE_SECURE: flag.optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
});

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
export type BrokerConfig =
  | { kind: 'embedded'; port: number; portExplicit: boolean; host: string }
  | { kind: 'external'; url: string }
  | { kind: 'off' };

export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  broker: BrokerConfig;
  secret: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  /** How many synthetic elders the demo city gets. */
  demoElders: number;
  logLevel: string;
  pdfFont: string | undefined;
  trustProxy: number;
  cookieSecure: boolean;
  sessionHours: number;
}

export class ConfigError extends Error {}

/** Parses the environment once, with a message that names every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const database: DatabaseConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') };
  const broker: BrokerConfig =
    e.MQTT_URL === 'off'
      ? { kind: 'off' }
      : e.MQTT_URL
        ? { kind: 'external', url: e.MQTT_URL }
        : {
            kind: 'embedded',
            port: e.MQTT_PORT ?? 1883,
            portExplicit: e.MQTT_PORT !== undefined,
            host: e.MQTT_LISTEN_HOST,
          };
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    database,
    broker,
    secret: e.YIYANG_SECRET,
    // Demo data belongs with the embedded database; a PostgreSQL deployment opts in explicitly.
    demo: e.YIYANG_DEMO ?? database.kind === 'pglite',
    demoPassword: e.YIYANG_DEMO_PASSWORD,
    demoElders: e.YIYANG_DEMO_ELDERS ?? 20_000,
    logLevel: e.LOG_LEVEL,
    pdfFont: e.YIYANG_PDF_FONT,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ?? false,
    sessionHours: e.SESSION_HOURS,
  };
}
