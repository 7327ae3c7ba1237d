import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { currentScope } from '@libs/auth';
import type { DbTransactionHost } from '@libs/db';
import { EventOutbox, fieldChanges } from '@libs/events';
import { parseIfMatch, staleResource } from '@libs/http';
import { FINANCE_EVENTS } from '../finance.events';
import { FinanceSettingsResponseDto, UpdateFinanceSettingsDto } from './finance-settings.dto';
import { financeSettingsColumns, SETTINGS_AUDITED_FIELDS, toFinanceSettingsResponse } from './finance-settings.mapper';
import { FinanceSettingsRepository } from './finance-settings.repository';
import type { FinanceSettings } from './finance-settings.schema';

/** The organisation settings: one row every invoice reads; only admins change it. */
@Injectable()
export class FinanceSettingsService {
  constructor(
    @InjectTransactionHost() private readonly txHost: DbTransactionHost,
    private readonly repository: FinanceSettingsRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async get(): Promise<FinanceSettingsResponseDto> {
    return toFinanceSettingsResponse(await this.txHost.withTransaction(() => this.repository.get()));
  }

  /** The current row, for invoices and exports (inside the caller's transaction when there is one). */
  current(): Promise<FinanceSettings> {
    return this.repository.get();
  }

  /** PATCH with `ifMatch` the raw If-Match header (428 without it, 412 when stale). */
  async update(ifMatch: string | undefined, dto: UpdateFinanceSettingsDto): Promise<FinanceSettingsResponseDto> {
    currentScope('finance.settings:update');
    return this.txHost.withTransaction(async () => {
      const current = await this.repository.get({ forUpdate: true });
      const version = parseIfMatch(ifMatch, current.id);
      if (current.version !== version) throw staleResource();
      const updated = await this.repository.update(current.id, version, financeSettingsColumns(dto));
      if (!updated) throw staleResource();
      const changes = fieldChanges(current, updated, SETTINGS_AUDITED_FIELDS);
      if (Object.keys(changes).length) await this.outbox.append(FINANCE_EVENTS.settings.updated(current.id, { changes }));
      return toFinanceSettingsResponse(updated);
    });
  }
}
