import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, isNull, lte, or, gte, SQL } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { RequirementLimit, requirementLimits, RequirementSet, requirementSets } from './requirement-sets.schema';
import { SurfaceResistance, surfaceResistances, UValueMethod, uValueMethods } from './u-value-methods.schema';

export type RequirementSetWithLimits = RequirementSet & { limits: RequirementLimit[] };
export type UValueMethodWithResistances = UValueMethod & { resistances: SurfaceResistance[] };

/** Requirement sets and U-value methods: seeded, dated reference data, read whole (no scope). */
@Injectable()
export class ReferenceDataRepository extends Repository {
  /** Versions of requirement sets, optionally of one key and/or valid on one of `dates` (inclusive ranges), with their limits. */
  async requirementSets(filter: { key?: string; validOn?: readonly string[]; ids?: readonly string[] } = {}): Promise<RequirementSetWithLimits[]> {
    const conditions: (SQL | undefined)[] = [
      filter.key ? eq(requirementSets.key, filter.key) : undefined,
      filter.ids ? inArray(requirementSets.id, [...filter.ids]) : undefined,
      filter.validOn ? or(...filter.validOn.map((date) => validOn(requirementSets, date))) : undefined,
    ];
    const sets = await this.db.select().from(requirementSets).where(and(...conditions)).orderBy(asc(requirementSets.key), asc(requirementSets.validFrom));
    if (sets.length === 0) return [];
    const limits = await this.db
      .select()
      .from(requirementLimits)
      .where(inArray(requirementLimits.requirementSetId, sets.map((s) => s.id)))
      .orderBy(asc(requirementLimits.category), asc(requirementLimits.trigger));
    return sets.map((set) => ({ ...set, limits: limits.filter((l) => l.requirementSetId === set.id) }));
  }

  /** U-value methods, optionally the one of `key` valid on `date`, with their surface resistances. */
  async uValueMethods(filter: { key?: string; validOn?: string; ids?: readonly string[] } = {}): Promise<UValueMethodWithResistances[]> {
    const methods = await this.db
      .select()
      .from(uValueMethods)
      .where(
        and(
          filter.key ? eq(uValueMethods.key, filter.key) : undefined,
          filter.ids ? inArray(uValueMethods.id, [...filter.ids]) : undefined,
          filter.validOn ? validOn(uValueMethods, filter.validOn) : undefined,
        ),
      )
      .orderBy(asc(uValueMethods.key), asc(uValueMethods.validFrom));
    if (methods.length === 0) return [];
    const resistances = await this.db
      .select()
      .from(surfaceResistances)
      .where(inArray(surfaceResistances.methodId, methods.map((m) => m.id)))
      .orderBy(asc(surfaceResistances.heatFlow), asc(surfaceResistances.boundary));
    return methods.map((method) => ({ ...method, resistances: resistances.filter((r) => r.methodId === method.id) }));
  }
}

function validOn(table: typeof requirementSets | typeof uValueMethods, date: string): SQL {
  return and(lte(table.validFrom, date), or(isNull(table.validTo), gte(table.validTo, date))) as SQL;
}
