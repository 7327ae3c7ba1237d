export * from './search';
export * from './search-text.column';
