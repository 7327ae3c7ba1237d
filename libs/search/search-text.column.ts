import { text } from 'drizzle-orm/pg-core';

/**
 * Lower-cased, whitespace-joined text that the `q` of a list searches (GIN `gin_trgm_ops` index).
 * Written by the service from the row's own fields (`buildSearchText`), never by clients; never audited.
 */
export const searchTextColumn = () => ({ searchText: text('search_text').notNull().default('') });
