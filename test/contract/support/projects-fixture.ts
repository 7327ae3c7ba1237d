import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

const SALES = '(select id from departments where name->>\'en\' = \'Sales\')';

/**
 * A project of the sales department with one of everything in it — building, component, plant, a
 * presented scenario with its snapshot and a measure — written behind the API's back: sales may
 * read projects of its department but create none (only the lead conversion's subscriber makes
 * them, and the relay is off in tests), so without it no read of sales could answer 2xx.
 */
export async function insertSalesDepartmentProject(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const ids = { contact: randomUUID(), project: randomUUID(), building: randomUUID(), component: randomUUID(), system: randomUUID(), scenario: randomUUID(), measure: randomUUID(), snapshot: randomUUID() };
  const now = new Date().toISOString();
  try {
    await client.query('begin');
    await client.query(`insert into contacts (id, last_name, department_id) values ($1, 'Fixture', ${SALES})`, [ids.contact]);
    await client.query(
      `insert into projects (id, number, title, contact_id, interests, department_id, search_text) values ($1, 'P-2000-00001', 'Vertriebsprojekt', $2, '{heat_pump}', ${SALES}, 'p-2000-00001 vertriebsprojekt')`,
      [ids.project, ids.contact],
    );
    await client.query(`insert into buildings (id, project_id, building_type, year_of_construction) values ($1, $2, 'single_family', 1968)`, [ids.building, ids.project]);
    await client.query(
      `insert into building_components (id, project_id, building_id, name, category, layers, declared_u_value, u_value, u_value_rounded, u_value_source)
       values ($1, $2, $3, 'Fenster', 'window', '[]', 2.8, 2.8, 2.8, 'declared')`,
      [ids.component, ids.project, ids.building],
    );
    await client.query(`insert into building_systems (id, project_id, building_id, kind) values ($1, $2, $3, 'heat_generator')`, [ids.system, ids.project, ids.building]);
    await client.query(
      `insert into scenarios (id, project_id, building_id, name, kind, status, packages, presented_at) values ($1, $2, $3, 'iSFP Vertrieb', 'isfp', 'presented', $4, $5)`,
      [ids.scenario, ids.project, ids.building, JSON.stringify([{ title: 'Fenster', plannedYear: 2027 }]), now],
    );
    await client.query(
      `insert into measures (id, project_id, building_id, scenario_id, package_number, position, kind, component_ids, title, target_u_value, trigger)
       values ($1, $2, $3, $4, 1, 1, 'windows', $5, 'Fenstertausch', 0.9, 'replacement')`,
      [ids.measure, ids.project, ids.building, ids.scenario, [ids.component]],
    );
    const scenario = (await client.query(`select * from scenarios where id = $1`, [ids.scenario])).rows[0];
    const content = {
      scenario: {
        id: scenario.id,
        version: scenario.version,
        createdAt: scenario.created_at,
        updatedAt: scenario.updated_at,
        createdBy: null,
        updatedBy: null,
        deletedAt: null,
        projectId: ids.project,
        buildingId: ids.building,
        name: scenario.name,
        kind: 'isfp',
        status: 'presented',
        statusChangedAt: scenario.status_changed_at,
        packages: scenario.packages,
        description: null,
        revision: 1,
        previousRevisionId: null,
        copiedFromId: null,
        presentedAt: now,
      },
      measures: [],
      requirementSets: [],
      uValueMethod: null,
      totals: { measureCount: 0, costEstimateNetCents: 0, expectedFinalEnergySavingsKwhA: 0, expectedCo2SavingsKgA: 0 },
      computedOn: now.slice(0, 10),
    };
    await client.query(
      `insert into scenario_snapshots (id, scenario_id, project_id, version, content, content_hash, presented_at) values ($1, $2, $3, 1, $4, 'fixture', $5)`,
      [ids.snapshot, ids.scenario, ids.project, JSON.stringify(content), now],
    );
    await client.query('commit');
  } finally {
    await client.end();
  }
}
