import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project root (the folder with package.json), whether running from src/, libs/ or dist/. */
export function projectRoot(start = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const migrationsDir = () => join(projectRoot(), 'atlas', 'migrations');
export const rolesSqlPath = () => join(projectRoot(), 'atlas', 'roles.sql');

/** The version in the project's package.json (npm_package_version is unset outside npm scripts). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
