'use strict';
/*
 * The baseline of bench/api/run.js: a bare Fastify + node-postgres server that answers the three
 * benchmarked requests with the same SQL statements the app runs for them (see SQL below, taken
 * from the app's statement log: `node bench/api/run.js --show-sql` prints it), and nothing else —
 * no Nest, no guard, no JWT signature check, no validation pipe, no request logging, no request
 * context. The difference to the app is the cost of those layers.
 *
 *   BASELINE_DATABASE_URL=postgres://… PORT=… POOL_MAX=10 node bench/api/baseline.js
 */
const crypto = require('node:crypto');
const Fastify = require('fastify');
const { Pool } = require('pg');

/**
 * Per request, as the app (captured with `run.js --show-sql`): the guard reads the principal and
 * the grants of its roles, then the handler runs its statement; a create runs one transaction that
 * inserts the row, appends the event to the outbox and one pending delivery per subscriber (the
 * audit log). Not here: the app's outbox relay, which afterwards delivers the event to the audit
 * log in the background (about ten more statements per created department).
 */
const SQL = {
  principal: 'select "id", "department_id", "locale", "is_active" from "users" where "users"."id" = $1',
  grants:
    'select "role_permissions"."permission", "role_permissions"."scope" from "user_roles" ' +
    'inner join "roles" on ("roles"."id" = "user_roles"."role_id" and "roles"."deleted_at" is null) ' +
    'inner join "role_permissions" on "role_permissions"."role_id" = "roles"."id" where "user_roles"."user_id" = $1',
  getDepartment:
    'select "id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id" from "departments" ' +
    'where ("departments"."id" = $1 and "departments"."deleted_at" is null)',
  listDepartments:
    'select "id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id" from "departments" ' +
    `where "departments"."deleted_at" is null order by ("departments"."name" ->> 'de') asc, "departments"."id" asc limit $1`,
  insertDepartment:
    'insert into "departments" ("id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id") ' +
    'values (default, default, default, $1, $2, default, default, $3, $4) ' +
    'returning "id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id"',
  insertEvent:
    'insert into "domain_events" ("id", "type", "version", "aggregate_type", "aggregate_id", "actor_id", "request_id", "causation_id", "client_ip", "payload", "occurred_at") ' +
    'values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
  insertDelivery:
    'insert into "event_deliveries" ("id", "event_id", "subscriber", "status", "attempts", "next_attempt_at", "last_attempt_at", "last_error", "delivered_at") ' +
    'values (default, $1, $2, default, default, $3, default, default, default)',
};

const pool = new Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
pool.on('error', () => undefined);

/** The `sub` of the bearer token, unverified (the app verifies the signature: part of its cost). */
function userIdOf(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
  } catch {
    return undefined;
  }
}

async function authorize(request, reply) {
  if (request.url.startsWith('/health/')) return;
  const userId = userIdOf(request);
  if (!userId) return void reply.code(401).send({ status: 401 });
  const principal = await pool.query(SQL.principal, [userId]);
  await pool.query(SQL.grants, [userId]);
  if (!principal.rows[0]?.is_active) return void reply.code(401).send({ status: 401 });
  request.userId = userId;
}

const toDepartment = (row) => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

const app = Fastify({ logger: false });
app.addHook('preHandler', authorize);

app.get('/api/v1/departments/:id', async (request, reply) => {
  const { rows } = await pool.query(SQL.getDepartment, [request.params.id]);
  if (!rows[0]) return reply.code(404).send({ status: 404 });
  reply.header('etag', `"${rows[0].version}"`);
  return toDepartment(rows[0]);
});

app.get('/api/v1/departments', async () => {
  const { rows } = await pool.query(SQL.listDepartments, [51]);
  return { items: rows.slice(0, 50).map(toDepartment), nextCursor: rows.length > 50 ? 'more' : null };
});

app.post('/api/v1/departments', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(SQL.insertDepartment, [request.userId, request.userId, JSON.stringify(request.body.name), request.body.parentId ?? null]);
    const department = toDepartment(rows[0]);
    const eventId = crypto.randomUUID();
    const now = new Date();
    await client.query(SQL.insertEvent, [
      eventId,
      'auth.department.created',
      1,
      'department',
      department.id,
      request.userId,
      String(request.id),
      null,
      request.ip,
      JSON.stringify({ department }),
      now,
    ]);
    await client.query(SQL.insertDelivery, [eventId, 'audit.log', now]);
    await client.query('commit');
    reply.code(201);
    return department;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
});

app.get('/health/ready', async () => {
  await pool.query('select 1');
  return { status: 'ok' };
});

app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).catch((error) => {
  console.error(error);
  process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => app.close().then(() => pool.end()).then(() => process.exit(0)));
