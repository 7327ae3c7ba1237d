import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, InjectAppConfig } from '@libs/config';
import { ObjectStorage } from '../storage/object-storage';
import { FilesRepository } from './files.repository';

/** Uploads no document took within a day are abandoned; objects without a row that old are leftovers. */
const GRACE_MS = 24 * 60 * 60_000;
const INTERVAL_MS = 60 * 60_000;
const BATCH = 500;

export interface SweepResult {
  unattachedFilesDeleted: number;
  orphanObjectsDeleted: number;
}

/**
 * Removes orphans: file rows no document version uses (abandoned uploads, PDFs of rolled-back
 * transactions' callers) and objects in the storage without a row (a crash between writing the
 * object and its row). Only what is older than a day, so uploads in flight are never touched.
 * Runs hourly where HOUSEKEEPING_ENABLED; idempotent, safe on several instances.
 */
@Injectable()
export class FileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FileSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectAppConfig() private readonly config: AppConfig,
    private readonly files: FilesRepository,
    private readonly storage: ObjectStorage,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.housekeeping.enabled) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.error(`file sweep failed: ${(error as Error).message}`));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** `prefix` limits the object scan to part of the storage (tests share one directory). */
  async sweep(now = new Date(), prefix = ''): Promise<SweepResult> {
    const before = new Date(now.getTime() - GRACE_MS);
    let unattachedFilesDeleted = 0;
    for (;;) {
      const stale = await this.files.unattachedBefore(before, BATCH);
      if (!stale.length) break;
      for (const file of stale) await this.storage.delete(file.storageKey);
      await this.files.hardDelete(stale.map((file) => file.id));
      unattachedFilesDeleted += stale.length;
      if (stale.length < BATCH) break;
    }
    let orphanObjectsDeleted = 0;
    let batch: string[] = [];
    const flush = async () => {
      const known = await this.files.knownKeys(batch);
      for (const key of batch.filter((candidate) => !known.has(candidate))) {
        await this.storage.delete(key);
        orphanObjectsDeleted++;
      }
      batch = [];
    };
    for await (const object of this.storage.objects(prefix)) {
      if (object.lastModified === undefined || object.lastModified > before.getTime()) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (unattachedFilesDeleted || orphanObjectsDeleted) this.logger.log(`file sweep: ${unattachedFilesDeleted} unattached files, ${orphanObjectsDeleted} orphan objects deleted`);
    return { unattachedFilesDeleted, orphanObjectsDeleted };
  }
}
