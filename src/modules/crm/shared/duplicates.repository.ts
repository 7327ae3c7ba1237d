import { Injectable } from '@nestjs/common';
import { and, count, inArray, isNull, ne, or, sql, SQL } from 'drizzle-orm';
import { Scope, scopeCondition } from '@libs/auth';
import { anyOf, assertInTransaction, Repository } from '@libs/db';
import { contacts } from '../contacts/contacts.schema';
import { CONTACT_SCOPE_COLUMNS } from '../contacts/contacts.repository';
import { leads } from '../leads/leads.schema';
import { LEAD_SCOPE_COLUMNS } from '../leads/leads.repository';
import { DuplicateKeys, duplicateLockKeys, hasDuplicateKeys, matchedOn } from './contact-data.rules';

const MAX_CANDIDATES = 20;

/** A record that may be a duplicate of the one being created, and which of its keys matched. */
export interface DuplicateCandidate {
  type: 'lead' | 'contact';
  id: string;
  matchedOn: ('email' | 'phone')[];
}

/** The actor's read scopes: candidates within them are named, the others only counted. */
export interface DuplicateScopes {
  lead?: Scope;
  contact?: Scope;
}

export interface DuplicateMatches {
  /** Candidates the actor may read (at most 20 of each kind). */
  visible: DuplicateCandidate[];
  /** How many other live leads and contacts match: neither their ids nor their data are revealed. */
  hidden: number;
}

/** For imports: what an e-mail or phone matched, and whether the actor may see that record. */
export type ExistingKey = { visible: true; candidate: DuplicateCandidate } | { visible: false; matchedOn: 'email' | 'phone' };

/**
 * Duplicate candidates across live leads (not yet converted) and contacts by normalised e-mail and
 * phone (exact, indexed lookups). A duplicate in another department is still a duplicate, but only
 * the ones the actor may read are named: the others are counted, so the check is no oracle for
 * records outside the actor's scope.
 */
@Injectable()
export class DuplicatesRepository extends Repository {
  /**
   * Serialises concurrent creates (and import batches) that share a key until the end of the
   * transaction, so two simultaneous requests with the same e-mail cannot both miss each other.
   * One statement takes every lock, in lock-id order (no deadlock between overlapping batches).
   */
  async lock(keys: DuplicateKeys): Promise<void> {
    assertInTransaction(this.txHost, 'DuplicatesRepository.lock');
    const lockKeys = duplicateLockKeys(keys);
    if (lockKeys.length === 0) return;
    await this.db.execute(
      sql`select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(${sql.param(lockKeys)}::text[]) as k order by h) as locks`,
    );
  }

  async find(keys: DuplicateKeys, scopes: DuplicateScopes, exclude: { leadId?: string; contactId?: string } = {}): Promise<DuplicateMatches> {
    if (!hasDuplicateKeys(keys)) return { visible: [], hidden: 0 };
    const leadMatch = and(
      or(keys.emails.length ? inArray(leads.email, keys.emails) : undefined, keys.phones.length ? inArray(leads.phone, keys.phones) : undefined),
      isNull(leads.deletedAt),
      ne(leads.status, 'converted'),
      exclude.leadId ? ne(leads.id, exclude.leadId) : undefined,
    ) as SQL;
    const contactMatch = and(
      or(
        keys.emails.length ? inArray(contacts.email, keys.emails) : undefined,
        keys.phones.length ? inArray(contacts.phone, keys.phones) : undefined,
        keys.phones.length ? inArray(contacts.mobile, keys.phones) : undefined,
      ),
      isNull(contacts.deletedAt),
      exclude.contactId ? ne(contacts.id, exclude.contactId) : undefined,
    ) as SQL;
    const leadVisible = scopeCondition(scopes.lead, LEAD_SCOPE_COLUMNS);
    const contactVisible = scopeCondition(scopes.contact, CONTACT_SCOPE_COLUMNS);
    // Sequential: inside a transaction the queries share one connection.
    const contactRows = await this.db
      .select({ id: contacts.id, email: contacts.email, phone: contacts.phone, mobile: contacts.mobile })
      .from(contacts)
      .where(and(contactMatch, contactVisible))
      .limit(MAX_CANDIDATES);
    const leadRows = await this.db
      .select({ id: leads.id, email: leads.email, phone: leads.phone })
      .from(leads)
      .where(and(leadMatch, leadVisible))
      .limit(MAX_CANDIDATES);
    const hidden = (await this.countOutside(contacts, contactMatch, contactVisible)) + (await this.countOutside(leads, leadMatch, leadVisible));
    return {
      visible: [
        ...contactRows.map((row) => ({ type: 'contact' as const, id: row.id, matchedOn: matchedOn(keys, { email: row.email, phones: [row.phone, row.mobile] }) })),
        ...leadRows.map((row) => ({ type: 'lead' as const, id: row.id, matchedOn: matchedOn(keys, { email: row.email, phones: [row.phone] }) })),
      ],
      hidden,
    };
  }

  /**
   * For bulk imports: which of these e-mails and phones already belong to a live lead or contact,
   * as `email:<value>` / `phone:<value>` → the first record holding it, named only when the actor
   * may read it (two indexed queries per batch).
   */
  async existingKeys(emails: readonly string[], phones: readonly string[], scopes: DuplicateScopes): Promise<Map<string, ExistingKey>> {
    const found = new Map<string, ExistingKey>();
    if (emails.length === 0 && phones.length === 0) return found;
    const note = (key: string, on: 'email' | 'phone', type: 'lead' | 'contact', id: string, visible: boolean) => {
      const current = found.get(key);
      if (current && (current.visible || !visible)) return;
      found.set(key, visible ? { visible, candidate: { type, id, matchedOn: [on] } } : { visible, matchedOn: on });
    };
    const contactRows = await this.db
      .select({ id: contacts.id, email: contacts.email, phone: contacts.phone, mobile: contacts.mobile, visible: visibleFlag(scopes.contact, CONTACT_SCOPE_COLUMNS) })
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
      if (row.email) note(`email:${row.email}`, 'email', 'contact', row.id, row.visible);
      for (const phone of [row.phone, row.mobile]) if (phone) note(`phone:${phone}`, 'phone', 'contact', row.id, row.visible);
    }
    const leadRows = await this.db
      .select({ id: leads.id, email: leads.email, phone: leads.phone, visible: visibleFlag(scopes.lead, LEAD_SCOPE_COLUMNS) })
      .from(leads)
      .where(
        and(
          isNull(leads.deletedAt),
          ne(leads.status, 'converted'),
          or(emails.length ? anyOf(leads.email, emails) : undefined, phones.length ? anyOf(leads.phone, phones) : undefined),
        ),
      );
    for (const row of leadRows) {
      if (row.email) note(`email:${row.email}`, 'email', 'lead', row.id, row.visible);
      if (row.phone) note(`phone:${row.phone}`, 'phone', 'lead', row.id, row.visible);
    }
    return found;
  }

  private async countOutside(table: typeof leads | typeof contacts, match: SQL, visible: SQL | undefined): Promise<number> {
    if (visible === undefined) return 0;
    const [row] = await this.db.select({ n: count() }).from(table).where(and(match, sql`not coalesce(${visible}, false)`));
    return row.n;
  }
}

/** `true` for rows within the scope (all rows for `all`, none without a grant). */
function visibleFlag(scope: Scope | undefined, columns: Parameters<typeof scopeCondition>[1]): SQL<boolean> {
  const condition = scopeCondition(scope, columns);
  return condition ? sql<boolean>`coalesce(${condition}, false)` : sql<boolean>`true`;
}
