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
 * Per request, as the app (captured with `run.js --show-sql`): the guard reads the principal, the
 * liveness of its sign-in and the grants of its roles in one statement, then the handler runs its
 * statement; a create runs one transaction that inserts the row, appends the event to the outbox
 * and one pending delivery per subscriber. Not here: the app's outbox relay, which afterwards
 * delivers the event to the audit log in the background (about ten more statements per created
 * department).
 */
const DEPARTMENT_COLUMNS = '"id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id"';
const LEAD_COLUMNS =
  '"id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "source", "status", "status_changed_at", "lost_reason", ' +
  '"lost_note", "interests", "message", "salutation", "first_name", "last_name", "company_name", "email", "phone", "preferred_language", ' +
  '"property_street", "property_postal_code", "property_city", "property_country_code", "building_type", "year_built", "living_area_m2", ' +
  '"residential_units", "owner_occupied", "estimated_value_cents", "assignee_id", "department_id", "converted_at", "converted_contact_id", ' +
  '"converted_company_id", "search_text"';
const GRANT_ENTRY = `"role_permissions"."permission" || '=' || "role_permissions"."scope"::text`;
/** The leads a department-scoped reader sees: their department's, or assigned to or created by them. */
const LEAD_SCOPE = (dept, a, b) => `("leads"."department_id" = ${dept} or ("leads"."assignee_id" = ${a} or "leads"."created_by" = ${b}))`;
const SQL = {
  principal:
    'select "id", "department_id", "locale", "is_active", exists((select 1 from "refresh_tokens" where ("refresh_tokens"."family_id" = $1 ' +
    'and "refresh_tokens"."user_id" = "users"."id" and "refresh_tokens"."revoked_at" is null))), ' +
    `((select coalesce(string_agg(${GRANT_ENTRY}, ',' order by ${GRANT_ENTRY}), '') from "user_roles" ` +
    'inner join "roles" on ("roles"."id" = "user_roles"."role_id" and "roles"."deleted_at" is null) ' +
    'inner join "role_permissions" on "role_permissions"."role_id" = "roles"."id" where "user_roles"."user_id" = "users"."id")) ' +
    'from "users" where "users"."id" = $2',
  getDepartment:
    `select ${DEPARTMENT_COLUMNS} from "departments" ` +
    'where ("departments"."id" = $1 and ("departments"."deleted_at" is null or "departments"."deleted_at" is not null))',
  listDepartments:
    `select ${DEPARTMENT_COLUMNS}, ("departments"."name" ->> 'de') from "departments" ` +
    `where "departments"."deleted_at" is null order by ("departments"."name" ->> 'de') asc, "departments"."id" asc limit $1`,
  insertDepartment:
    'insert into "departments" ("id", "created_at", "updated_at", "created_by", "updated_by", "deleted_at", "version", "name", "parent_id") ' +
    `values (default, default, default, $1, $2, default, default, $3, $4) returning ${DEPARTMENT_COLUMNS}`,
  insertEvent:
    'insert into "domain_events" ("id", "type", "version", "aggregate_type", "aggregate_id", "actor_id", "request_id", "causation_id", "client_ip", "payload", "occurred_at") ' +
    'select "id", "type", "version", "aggregate_type", "aggregate_id", "actor_id", "request_id", "causation_id", "client_ip", "payload", "occurred_at" ' +
    'from json_populate_recordset(null::"domain_events", $1::json) with ordinality as r order by r.ordinality',
  insertDelivery:
    'insert into "event_deliveries" ("event_id", "subscriber", "next_attempt_at") select "event_id", "subscriber", "next_attempt_at" ' +
    'from json_populate_recordset(null::"event_deliveries", $1::json) with ordinality as r order by r.ordinality',
  getLead:
    `select ${LEAD_COLUMNS} from "leads" where ("leads"."id" = $1 and (("leads"."deleted_at" is null and ${LEAD_SCOPE('$2', '$3', '$4')}) ` +
    'or ("leads"."deleted_at" is not null and ("leads"."assignee_id" = $5 or "leads"."created_by" = $6))))',
  listLeads:
    `select ${LEAD_COLUMNS}, to_char("created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from "leads" ` +
    `where ("leads"."deleted_at" is null and ${LEAD_SCOPE('$1', '$2', '$3')}) order by "leads"."created_at" desc, "leads"."id" desc limit $4`,
};

const pool = new Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });
pool.on('error', () => undefined);

/** `sub` and `sid` of the bearer token, unverified (the app verifies the signature: part of its cost). */
function claimsOf(request) {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  try {
    const { sub, sid } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return { userId: sub, sessionId: sid };
  } catch {
    return undefined;
  }
}

async function authorize(request, reply) {
  if (request.url.startsWith('/health/')) return;
  const claims = claimsOf(request);
  if (!claims?.userId) return void reply.code(401).send({ status: 401 });
  const { rows } = await pool.query(SQL.principal, [claims.sessionId, claims.userId]);
  if (!rows[0]?.is_active || !rows[0].exists) return void reply.code(401).send({ status: 401 });
  request.userId = claims.userId;
  request.departmentId = rows[0].department_id;
}

const toDepartment = (row) => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

const toLead = (row) => ({
  id: row.id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
  updatedBy: row.updated_by,
  deletedAt: row.deleted_at,
  source: row.source,
  status: row.status,
  lostReason: row.lost_reason,
  lostNote: row.lost_note,
  interests: row.interests,
  statusChangedAt: row.status_changed_at,
  message: row.message,
  salutation: row.salutation,
  firstName: row.first_name,
  lastName: row.last_name,
  companyName: row.company_name,
  email: row.email,
  phone: row.phone,
  preferredLanguage: row.preferred_language,
  buildingType: row.building_type,
  yearBuilt: row.year_built,
  livingAreaM2: row.living_area_m2 === null ? null : Number(row.living_area_m2),
  residentialUnits: row.residential_units,
  ownerOccupied: row.owner_occupied,
  estimatedValueCents: row.estimated_value_cents === null ? null : Number(row.estimated_value_cents),
  assigneeId: row.assignee_id,
  departmentId: row.department_id,
  convertedAt: row.converted_at,
  convertedContactId: row.converted_contact_id,
  convertedCompanyId: row.converted_company_id,
  propertyAddress: { street: row.property_street, postalCode: row.property_postal_code, city: row.property_city, countryCode: row.property_country_code },
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

app.get('/api/v1/leads/:id', async (request, reply) => {
  const { userId, departmentId } = request;
  const { rows } = await pool.query(SQL.getLead, [request.params.id, departmentId, userId, userId, userId, userId]);
  if (!rows[0]) return reply.code(404).send({ status: 404 });
  reply.header('etag', `"${rows[0].id}:${rows[0].version}"`);
  return toLead(rows[0]);
});

app.get('/api/v1/leads', async (request) => {
  const limit = Number(request.query.limit ?? 50);
  const { rows } = await pool.query(SQL.listLeads, [request.departmentId, request.userId, request.userId, limit + 1]);
  return { items: rows.slice(0, limit).map(toLead), nextCursor: rows.length > limit ? 'more' : null };
});

app.post('/api/v1/departments', async (request, reply) => {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows } = await client.query(SQL.insertDepartment, [request.userId, request.userId, JSON.stringify(request.body.name), request.body.parentId ?? null]);
    const department = toDepartment(rows[0]);
    const eventId = crypto.randomUUID();
    const now = new Date();
    const event = {
      id: eventId,
      type: 'auth.department.created',
      version: 1,
      aggregate_type: 'department',
      aggregate_id: department.id,
      actor_id: request.userId,
      request_id: String(request.id),
      causation_id: null,
      client_ip: request.ip,
      payload: { snapshot: { name: department.name, parentId: department.parentId } },
      occurred_at: now,
    };
    await client.query(SQL.insertEvent, [JSON.stringify([event])]);
    const subscribers = ['audit.log', 'automation.triggers'];
    await client.query(SQL.insertDelivery, [JSON.stringify(subscribers.map((subscriber) => ({ event_id: eventId, subscriber, next_attempt_at: now })))]);
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
