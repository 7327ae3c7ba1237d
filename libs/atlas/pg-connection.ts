import { Client } from 'pg';
import { PooledConnectionError } from './errors';
import { AtlasLogger } from './logger';

/** The `search_path` query parameter of a connection URL (Atlas' "schema-scoped" URLs). */
export function urlSearchPath(connectionString: string): string | undefined {
  try {
    const v = new URL(connectionString).searchParams.get('search_path');
    return v ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The schema a first-run cleanliness check looks at: the URL's first search_path entry, else public. */
export function scopeSchema(connectionString: string): string {
  const sp = urlSearchPath(connectionString);
  const first = sp?.split(',')[0]?.trim().replace(/^"(.*)"$/, '$1');
  return first ? first : 'public';
}

/** The URL without its password, for messages. */
function withoutPassword(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Refuses a connection that reaches PostgreSQL through a pooler. Migrations need one session of
 * their own (the advisory lock, the search_path); in PgBouncer's transaction mode consecutive
 * statements may run on different server connections, and a session lock stays stuck on one.
 *
 * The test reads the protocol, not the URL: at login the server announces its process id
 * (BackendKeyData, the key for cancelling a query). A pooler answers the login itself and
 * announces a made-up one, because its clients have no server process of their own; plain TCP
 * proxies and port mappings pass the server's message through. So a direct connection's
 * announced id equals `pg_backend_pid()`, a pooled one's does not (PgBouncer's is random).
 */
export async function assertDirectConnection(client: Client, connectionString: string): Promise<void> {
  const announced = (client as unknown as { processID: number | null }).processID;
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  if (announced === rows[0].pid) return;
  throw new PooledConnectionError(
    `${withoutPassword(connectionString)} reaches PostgreSQL through a connection pooler such as PgBouncer (the ` +
      `server process ${rows[0].pid} is not the ${announced} announced at login). Migrations need a direct session ` +
      '(advisory lock, search_path): point DATABASE_URL_MIGRATION at PostgreSQL itself (usually port 5432), not at ' +
      'PgBouncer (DATABASE_URL is the pooled one).',
  );
}

/**
 * A dedicated direct connection (a pooled one is refused: assertDirectConnection). lib/pq (Atlas'
 * driver) sends `search_path` from the URL as a session parameter; node-postgres ignores it, so it
 * is set explicitly.
 */
export async function openClient(connectionString: string, logger: AtlasLogger, appName = 'renewa-atlas'): Promise<Client> {
  const client = new Client({ connectionString, application_name: appName });
  // Without a listener a dropped connection would crash the process instead of failing the current query.
  client.on('error', (err) => logger.warn(`atlas: database connection error: ${err.message}`));
  await client.connect();
  try {
    await assertDirectConnection(client, connectionString);
    const sp = urlSearchPath(connectionString);
    if (sp) await client.query("SELECT set_config('search_path', $1, false)", [sp]);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}
