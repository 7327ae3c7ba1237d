export * from './csv-body';
export * from './csv-export';
export * from './csv.module';
export * from './field-columns';
