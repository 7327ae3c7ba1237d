// The funding context's public surface. Everything else under src/modules/funding is private.
export { FundingModule } from './funding.module';
export { FUNDING_EVENTS } from './funding.events';
export type {
  FundingApplicationApprovedV1,
  FundingApplicationStatusChangedV1,
  FundingApplicationSubmittedV1,
  FundingDeadlineApproachingV1,
  FundingRuleVersionCreatedV1,
} from './funding.events';
export { fundingPermissions } from './funding.permissions';
export type { FundingPermission } from './funding.permissions';
export { FundingQueries } from './funding.queries';
