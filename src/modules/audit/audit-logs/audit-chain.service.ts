import { Injectable } from '@nestjs/common';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { AuditLogsRepository } from './audit-logs.repository';

export type ChainBreak = 'hash-mismatch' | 'prev-hash-mismatch';

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: { seq: number; id: string; reason: ChainBreak } };

const PAGE_SIZE = 1000;

/** Walks the hash chain in order, a page at a time, and reports the first broken link. */
@Injectable()
export class AuditChainService {
  constructor(private readonly repository: AuditLogsRepository) {}

  async verify({ pageSize = PAGE_SIZE }: { pageSize?: number } = {}): Promise<ChainVerification> {
    let expectedPrev = GENESIS_HASH;
    let afterSeq = 0;
    let checked = 0;
    for (;;) {
      const rows = await this.repository.chainPage(afterSeq, pageSize);
      for (const row of rows) {
        // Content first: an edited row fails here; an edited row whose hash was recomputed passes
        // here and breaks the next row's link instead.
        const reason: ChainBreak | undefined =
          auditHash(row) !== row.hash ? 'hash-mismatch' : row.prevHash !== expectedPrev ? 'prev-hash-mismatch' : undefined;
        if (reason) return { ok: false, checked, brokenAt: { seq: row.seq, id: row.id, reason } };
        expectedPrev = row.hash;
        afterSeq = row.seq;
        checked++;
      }
      if (rows.length < pageSize) return { ok: true, checked };
    }
  }
}
