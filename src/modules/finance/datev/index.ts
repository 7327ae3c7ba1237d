export * from './datev-export.types';
export * from './datev-export.service';
export * from './datev.errors';
