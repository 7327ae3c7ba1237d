import { Injectable } from '@nestjs/common';
import { and, eq, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import { Repository } from '@libs/db';
import { documents, documentVersions } from '../documents/documents.schema';
import { files, StoredFile } from './files.schema';

@Injectable()
export class FilesRepository extends Repository {
  async insert(values: typeof files.$inferInsert): Promise<StoredFile> {
    const [row] = await this.db.insert(files).values(values).returning();
    return row;
  }

  async findById(id: string): Promise<StoredFile | undefined> {
    const [row] = await this.db
      .select()
      .from(files)
      .where(and(eq(files.id, id), isNull(files.deletedAt)));
    return row;
  }

  /** A live file the actor uploaded and no document uses yet (what a new document may take). */
  async findUnattachedOf(id: string, actorId: string): Promise<StoredFile | undefined> {
    const [row] = await this.db
      .select()
      .from(files)
      .where(and(eq(files.id, id), isNull(files.deletedAt), eq(files.createdBy, actorId), notExists(this.versionsOf(files.id))));
    return row;
  }

  /** Files no document version uses, uploaded before `before` (abandoned uploads). */
  async unattachedBefore(before: Date, limit: number): Promise<StoredFile[]> {
    return this.db
      .select()
      .from(files)
      .where(and(lt(files.createdAt, before), notExists(this.versionsOf(files.id))))
      .limit(limit);
  }

  async hardDelete(ids: string[]): Promise<void> {
    if (ids.length) await this.db.delete(files).where(inArray(files.id, ids));
  }

  /** Which of these storage keys have a row. */
  async knownKeys(keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.db.select({ key: files.storageKey }).from(files).where(inArray(files.storageKey, keys));
    return new Set(rows.map((row) => row.key));
  }

  private versionsOf(fileId: typeof files.id) {
    return this.db
      .select({ one: sql`1` })
      .from(documentVersions)
      .innerJoin(documents, eq(documents.id, documentVersions.documentId))
      .where(eq(documentVersions.fileId, fileId));
  }
}
