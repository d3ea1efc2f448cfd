// The baseline: a bare Fastify route answering the same shape of JSON, no database, no hooks.
import Fastify from 'fastify';

const app = Fastify();
app.get('/ping', async () => ({ status: 'ok', database: 'none', broker: 'off', version: 'bench' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
