import type { BrokerConfig } from '../../config';
import { startEmbeddedBroker, type MqttAuthenticator } from './embedded-broker';
import { connectExternalBroker } from './external-broker';
import { createMqttPort, type MqttPort } from './mqtt-port';

export interface StartedBroker {
  kind: BrokerConfig['kind'];
  /** For the start banner. */
  describe: string;
  /** What modules get to publish and subscribe; null when MQTT is off. */
  port: MqttPort | null;
  close(): Promise<void>;
}

/** The configured broker: the embedded Aedes, a connection to an external one, or none. */
export async function startConfiguredBroker(
  config: BrokerConfig,
  log: (message: string) => void,
  options: { authenticate?: MqttAuthenticator } = {},
): Promise<StartedBroker> {
  const clientId = `yiyang-server-${process.pid}`;
  const onHandlerError = (error: unknown, message: { topic: string }) =>
    log(
      `MQTT subscriber of ${message.topic} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  if (config.kind === 'embedded') {
    const embedded = await startEmbeddedBroker({
      port: config.port,
      host: config.host,
      portExplicit: config.portExplicit,
      authenticate: options.authenticate,
      onFallback: (wanted, got) =>
        log(
          `MQTT port ${wanted} is taken (another broker?); the embedded broker listens on ${got}. Set MQTT_PORT to choose.`,
        ),
    });
    return {
      kind: 'embedded',
      describe: `embedded MQTT broker on ${embedded.host}:${embedded.port}`,
      port: createMqttPort(embedded.connectInProcess(clientId), onHandlerError),
      close: embedded.close,
    };
  }
  if (config.kind === 'external') {
    const client = connectExternalBroker(config.url, clientId, (error) =>
      log(`MQTT broker ${config.url}: ${error.message}`),
    );
    return {
      kind: 'external',
      describe: `external MQTT broker ${config.url}`,
      port: createMqttPort(client, onHandlerError),
      close: () => client.endAsync(),
    };
  }
  return { kind: 'off', describe: 'MQTT off', port: null, close: async () => undefined };
}
