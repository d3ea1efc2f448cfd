import mqtt, { type MqttClient } from 'mqtt';

/**
 * The connection to an external broker (Mosquitto, EMQX). It reconnects by itself; the server
 * starts even while the broker is away and says so in the log.
 */
export function connectExternalBroker(
  url: string,
  clientId: string,
  onError: (error: Error) => void,
): MqttClient {
  const client = mqtt.connect(url, { reconnectPeriod: 5_000, connectTimeout: 10_000, clientId });
  client.on('error', onError);
  return client;
}
