// The module kit: what every context's resources are built from (docs/adding-a-module.md).
export * from './audited-response.dto';
export * from './constraint-errors';
export * from './mapping';
export * from './operation.decorator';
export * from './resource-repository';
export * from './resource-service';
export * from './resource-steps';
export * from './visibility';
