import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own on the benchmark's PostgreSQL server, dropped afterwards; null when none answers. */
export async function withBenchDatabase<T>(serverUrl: string, work: (databaseUrl: string) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `vigie_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
