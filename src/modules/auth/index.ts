// The auth context's public surface: what other contexts, seeds and the app may use.
export { AuthModule } from './auth.module';
export { AUTH_EVENTS } from './auth.events';
export type { GrantSnapshot, UserSnapshot } from './auth.events';
export { authPermissions, BASELINE_GRANTS } from './auth.permissions';
export type { AuthPermission } from './auth.permissions';
export { STANDARD_ROLE_KEYS, STANDARD_ROLES, standardRoleGrants } from './roles/standard-roles';
export type { StandardRole, StandardRoleKey } from './roles/standard-roles';
export { ADMIN_ROLE_KEY } from './roles/roles.rules';
export { UserDirectory } from './users/user-directory';
export type { StaffMailbox } from './users/user-directory';
export { hashPassword } from './sessions/password-hasher';
export { normalizeEmail, generateOneTimePassword, PASSWORD_MIN_LENGTH } from './users/users.rules';
