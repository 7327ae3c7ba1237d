import { Injectable } from '@nestjs/common';
import { inArray } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { postcodeRegions } from '../availability/availability.schema';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

/** Centroids of two-digit postcode regions (reference data). */
@Injectable()
export class PostcodeRegionsRepository extends Repository {
  async centroids(prefixes: string[]): Promise<Map<string, Coordinates>> {
    if (prefixes.length === 0) return new Map();
    const rows = await this.db.select().from(postcodeRegions).where(inArray(postcodeRegions.prefix, prefixes));
    return new Map(rows.map((row) => [row.prefix, { latitude: row.latitude, longitude: row.longitude }]));
  }
}
