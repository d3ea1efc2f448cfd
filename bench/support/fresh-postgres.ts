import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A new, empty database on the server at `url`, for one benchmark run. */
export async function createFreshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `yiyang_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
