import { check, date, doublePrecision, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { standardColumns, standardIndexes, timestamptz } from '@libs/db';
import { departments } from '../../auth/departments/departments.schema';
import { users } from '../../auth/users/users.schema';

/** The German federal states (ISO 3166-2:DE suffixes), for public holidays. */
export const federalState = pgEnum('scheduling_federal_state', ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']);
export type FederalState = (typeof federalState.enumValues)[number];

export const absenceKind = pgEnum('scheduling_absence_kind', ['holiday', 'sick', 'training', 'other']);
export type AbsenceKind = (typeof absenceKind.enumValues)[number];

/**
 * A consultant's working time on one weekday (1 = Monday … 7 = Sunday), in minutes after local
 * midnight (Europe/Berlin), valid from a date (and until one, inclusive). Public holidays of
 * `federalState` are days off.
 */
export const workingHours = pgTable(
  'consultant_working_hours',
  {
    ...standardColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    federalState: federalState('federal_state').notNull(),
    /** The department the row belongs to (scope column; defaults to the creator's). */
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
  },
  (t) => [
    ...standardIndexes('consultant_working_hours', t),
    index('consultant_working_hours_user_id_idx').on(t.userId, t.weekday),
    index('consultant_working_hours_department_id_idx').on(t.departmentId),
    check('consultant_working_hours_minutes_check', sql`${t.startMinute} >= 0 AND ${t.startMinute} < ${t.endMinute} AND ${t.endMinute} <= 1440`),
  ],
);
export type WorkingHours = typeof workingHours.$inferSelect;

/** A consultant's absence (UTC instants, usually whole local days). */
export const absences = pgTable(
  'consultant_absences',
  {
    ...standardColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: absenceKind('kind').notNull(),
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    note: text('note'),
    departmentId: uuid('department_id').references(() => departments.id, { onDelete: 'restrict' }),
  },
  (t) => [
    ...standardIndexes('consultant_absences', t),
    index('consultant_absences_user_id_starts_at_idx').on(t.userId, t.startsAt),
    index('consultant_absences_department_id_idx').on(t.departmentId),
  ],
);
export type Absence = typeof absences.$inferSelect;

/**
 * Approximate centroids of the German two-digit postcode regions (seeded reference data; source
 * in docs/scheduling.md), for ranking free slots by straight-line distance.
 */
export const postcodeRegions = pgTable(
  'postcode_regions',
  {
    id: uuid('id').primaryKey(),
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('postcode_regions_prefix_unique').on(t.prefix)],
);
