import type { Seed } from './seed-utils';

/** Every seed, in the order they run. Append new seeds; never reorder or rename existing keys. */
export const SEEDS: readonly Seed[] = [];
