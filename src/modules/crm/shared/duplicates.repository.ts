import { Injectable } from '@nestjs/common';
import { InjectTransactionHost } from '@nestjs-cls/transactional';
import { and, inArray, isNull, ne, or, sql, SQL } from 'drizzle-orm';
import { anyOf, type DbTransactionHost } from '@libs/db';
import type { DuplicateCandidate } from '../crm.errors';
import { contacts } from '../contacts/contacts.schema';
import { leads } from '../leads/leads.schema';
import { DuplicateKeys, hasDuplicateKeys, matchedOn } from './contact-data.rules';

const MAX_CANDIDATES = 20;

/**
 * Duplicate candidates across leads and contacts by normalised e-mail and phone (exact, indexed
 * lookups). Deliberately unscoped: a duplicate in another department is still a duplicate; only
 * ids and the matched keys are revealed, never the other record's data.
 */
@Injectable()
export class DuplicatesRepository {
  constructor(@InjectTransactionHost() private readonly txHost: DbTransactionHost) {}

  /**
   * Serialises concurrent creates that share a key until the end of the transaction
   * (transaction-scoped advisory locks work through PgBouncer), so two simultaneous requests with
   * the same e-mail cannot both miss each other.
   */
  async lock(keys: DuplicateKeys): Promise<void> {
    const all = [...keys.emails.map((e) => `email:${e}`), ...keys.phones.map((p) => `phone:${p}`)].sort();
    for (const key of all) await this.txHost.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`crm.duplicate:${key}`}))`);
  }

  async find(keys: DuplicateKeys, exclude: { leadId?: string; contactId?: string } = {}): Promise<DuplicateCandidate[]> {
    if (!hasDuplicateKeys(keys)) return [];
    const leadMatch = or(
      keys.emails.length ? inArray(leads.email, keys.emails) : undefined,
      keys.phones.length ? inArray(leads.phone, keys.phones) : undefined,
    ) as SQL;
    const contactMatch = or(
      keys.emails.length ? inArray(contacts.email, keys.emails) : undefined,
      keys.phones.length ? inArray(contacts.phone, keys.phones) : undefined,
      keys.phones.length ? inArray(contacts.mobile, keys.phones) : undefined,
    ) as SQL;
    // Sequential: inside a transaction both queries share one connection.
    const leadRows = await this.txHost.tx
        .select({ id: leads.id, email: leads.email, phone: leads.phone })
        .from(leads)
        .where(and(leadMatch, isNull(leads.deletedAt), ne(leads.status, 'converted'), exclude.leadId ? ne(leads.id, exclude.leadId) : undefined))
        .limit(MAX_CANDIDATES);
    const contactRows = await this.txHost.tx
        .select({ id: contacts.id, email: contacts.email, phone: contacts.phone, mobile: contacts.mobile })
        .from(contacts)
        .where(and(contactMatch, isNull(contacts.deletedAt), exclude.contactId ? ne(contacts.id, exclude.contactId) : undefined))
        .limit(MAX_CANDIDATES);
    return [
      ...contactRows.map((row) => ({ type: 'contact' as const, id: row.id, matchedOn: matchedOn(keys, { email: row.email, phones: [row.phone, row.mobile] }) })),
      ...leadRows.map((row) => ({ type: 'lead' as const, id: row.id, matchedOn: matchedOn(keys, { email: row.email, phones: [row.phone] }) })),
    ];
  }

  /**
   * For bulk imports: which of these e-mails and phones already belong to a live lead or contact,
   * as `email:<value>` / `phone:<value>` → the first record holding it (two indexed queries per batch).
   */
  async existingKeys(emails: readonly string[], phones: readonly string[]): Promise<Map<string, DuplicateCandidate>> {
    const found = new Map<string, DuplicateCandidate>();
    if (emails.length === 0 && phones.length === 0) return found;
    const note = (key: string, candidate: DuplicateCandidate) => {
      if (!found.has(key)) found.set(key, candidate);
    };
    const contactRows = await this.txHost.tx
      .select({ id: contacts.id, email: contacts.email, phone: contacts.phone, mobile: contacts.mobile })
      .from(contacts)
      .where(
        and(
          isNull(contacts.deletedAt),
          or(
            emails.length ? anyOf(contacts.email, emails) : undefined,
            phones.length ? anyOf(contacts.phone, phones) : undefined,
            phones.length ? anyOf(contacts.mobile, phones) : undefined,
          ),
        ),
      );
    for (const row of contactRows) {
      if (row.email) note(`email:${row.email}`, { type: 'contact', id: row.id, matchedOn: ['email'] });
      for (const phone of [row.phone, row.mobile]) if (phone) note(`phone:${phone}`, { type: 'contact', id: row.id, matchedOn: ['phone'] });
    }
    const leadRows = await this.txHost.tx
      .select({ id: leads.id, email: leads.email, phone: leads.phone })
      .from(leads)
      .where(
        and(
          isNull(leads.deletedAt),
          ne(leads.status, 'converted'),
          or(emails.length ? anyOf(leads.email, emails) : undefined, phones.length ? anyOf(leads.phone, phones) : undefined),
        ),
      );
    for (const row of leadRows) {
      if (row.email) note(`email:${row.email}`, { type: 'lead', id: row.id, matchedOn: ['email'] });
      if (row.phone) note(`phone:${row.phone}`, { type: 'lead', id: row.id, matchedOn: ['phone'] });
    }
    return found;
  }
}
