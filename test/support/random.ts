/**
 * A small seeded PRNG (mulberry32) for mutation tests: the seed is printed by
 * each test so a failure reproduces with GOSHIP_SEED=<seed>.
 */
export interface Rng {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export function rngFromEnv(): Rng {
  const env = process.env.GOSHIP_SEED;
  const seed = env ? Number(env) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0;
  return makeRng(seed);
}

export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => {
      if (xs.length === 0) throw new Error("pick from empty list");
      return xs[Math.floor(next() * xs.length)] as (typeof xs)[number];
    },
  };
}
