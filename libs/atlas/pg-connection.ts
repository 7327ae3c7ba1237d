import { Client } from 'pg';
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

/**
 * A dedicated direct connection. lib/pq (Atlas' driver) sends `search_path` from the
 * URL as a session parameter; node-postgres ignores it, so it is set explicitly.
 */
export async function openClient(connectionString: string, logger: AtlasLogger, appName = 'renewa-atlas'): Promise<Client> {
  const client = new Client({ connectionString, application_name: appName });
  // Without a listener a dropped connection would crash the process instead of failing the current query.
  client.on('error', (err) => logger.warn(`atlas: database connection error: ${err.message}`));
  await client.connect();
  try {
    const sp = urlSearchPath(connectionString);
    if (sp) await client.query("SELECT set_config('search_path', $1, false)", [sp]);
  } catch (err) {
    await client.end().catch(() => undefined);
    throw err;
  }
  return client;
}
