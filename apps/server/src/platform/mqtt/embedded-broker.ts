import { createServer, type AddressInfo, type Server } from 'node:net';
import { Aedes, type AuthenticateError } from 'aedes';

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
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
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
  const port = (server.address() as AddressInfo).port;
  return {
    broker,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        broker.close(() => server.close(() => resolve()));
      }),
  };
}
