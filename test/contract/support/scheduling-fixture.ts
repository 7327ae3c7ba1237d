import { Client } from 'pg';

/**
 * Working hours around the clock on every weekday for every user that exists when fuzzing starts
 * (the fuzzing user included): a booking's documented example lies in no user's working hours
 * otherwise and is refused (422 SCHEDULING_OUTSIDE_WORKING_HOURS), so no appointment would exist
 * for the operations on one. And one absence each, far from the examples' dates: a role that may
 * read absences but not record them (sales) has one to read.
 */
export async function insertWorkingHoursForEveryone(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      `insert into consultant_working_hours (user_id, weekday, start_minute, end_minute, valid_from, federal_state, department_id)
       select u.id, d, 0, 1440, '2020-01-01', 'BY', u.department_id from users u cross join generate_series(1, 7) d`,
    );
    await client.query(
      `insert into consultant_absences (user_id, kind, starts_at, ends_at, department_id)
       select u.id, 'training', '2035-01-02T07:00:00Z', '2035-01-02T16:00:00Z', u.department_id from users u`,
    );
  } finally {
    await client.end();
  }
}
