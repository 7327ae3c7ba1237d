import { createApiClient, unwrap, type ApiClient } from '@libs/api-client';
import { departmentId, roleId } from './auth';

/** Logs in over the API: a typed client acting as that user, and its bearer token (for raw fetches such as CSV). */
export async function signIn(baseUrl: string, email: string, password: string): Promise<{ client: ApiClient; token: string }> {
  const anonymous = createApiClient({ baseUrl });
  const tokens = await unwrap(anonymous.POST('/api/v1/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': '203.0.113.9' } }));
  return { client: createApiClient({ baseUrl, token: tokens.accessToken }), token: tokens.accessToken };
}

export async function clientFor(baseUrl: string, email: string, password: string): Promise<ApiClient> {
  return (await signIn(baseUrl, email, password)).client;
}

/** Creates a user in a seeded department with standard roles, through the admin API. */
export async function createStaff(admin: ApiClient, options: { email: string; department: string; roles: string[] }): Promise<{ id: string; password: string }> {
  const password = `${options.email}-Passw0rd!`;
  const user = await unwrap(
    admin.POST('/api/v1/users', { body: { email: options.email, name: options.email.split('@')[0], password, departmentId: departmentId(options.department) } }),
  );
  await unwrap(admin.PUT('/api/v1/users/{id}/roles', { params: { path: { id: user.id } }, body: { roleIds: options.roles.map(roleId) } }));
  return { id: user.id, password };
}
