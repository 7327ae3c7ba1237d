export default async function globalTeardown(): Promise<void> {
  const teardown = (globalThis as Record<string, unknown>).__renewaTestTeardown as (() => Promise<void>) | undefined;
  await teardown?.();
}
