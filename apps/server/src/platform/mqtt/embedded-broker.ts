import { createServer, type AddressInfo, type Server } from 'node:net';
import { duplexPair, type Duplex } from 'node:stream';
import { Aedes, type AuthenticateError } from 'aedes';
import { MqttClient } from 'mqtt';

/** Decides whether an MQTT client may connect: devices present their own credentials. */
export type MqttAuthenticator = (
  clientId: string,
  username: string | undefined,
  password: Buffer | undefined,
) => Promise<boolean>;

/** Until a device registry provides credentials, nobody may connect over the network. */
const denyAll: MqttAuthenticator = async () => false;

export interface EmbeddedBroker {
  broker: Aedes;
  port: number;
  /** The address it listens on: 127.0.0.1 unless MQTT_LISTEN_HOST says otherwise. */
  host: string;
  /**
   * An mqtt.js client connected to this broker through an in-memory stream: the server's own
   * connection, which needs no credentials and no network, and is the same client the port uses
   * for an external broker.
   */
  connectInProcess(clientId: string): MqttClient;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Starts the Aedes broker on `port` (0 = any free port). When the port was not chosen explicitly
 * and is taken (say, by a Mosquitto already on 1883), it falls back to a free port and says so,
 * rather than refusing to start the whole platform.
 */
export async function startEmbeddedBroker(options: {
  port: number;
  host: string;
  portExplicit: boolean;
  authenticate?: MqttAuthenticator;
  onFallback?: (wanted: number, got: number) => void;
}): Promise<EmbeddedBroker> {
  const authenticate = options.authenticate ?? denyAll;
  /** Our own end of each in-process connection: admitted without credentials. */
  const inProcess = new WeakSet<object>();
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      if (inProcess.has(client.conn)) return done(null, true);
      authenticate(client.id, username, password).then(
        (ok) => {
          if (ok) return done(null, true);
          const error = new Error('not authorised') as AuthenticateError;
          error.returnCode = 5;
          done(error, false);
        },
        (err: Error) => done(err as AuthenticateError, false),
      );
    },
  });
  const server = createServer(broker.handle);
  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.portExplicit) {
      broker.close();
      throw error;
    }
    await listen(server, 0, options.host);
    options.onFallback?.(options.port, (server.address() as AddressInfo).port);
  }
  const address = server.address() as AddressInfo;
  const clients: MqttClient[] = [];
  return {
    broker,
    port: address.port,
    host: address.address,
    connectInProcess(clientId) {
      const client = new MqttClient(
        () => {
          const [ours, brokers]: [Duplex, Duplex] = duplexPair();
          inProcess.add(brokers);
          broker.handle(brokers);
          return ours;
        },
        { clientId },
      );
      clients.push(client);
      return client;
    },
    close: async () => {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      await new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      });
    },
  };
}
