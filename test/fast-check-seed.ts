// Every property test draws the same cases on every run, so that a run fails on a change, never on
// its luck. `FC_SEED=random` explores further, with more cases where a test reads how many:
// `FUZZ_RUNS=2000` for the fuzz suites, `RUNS=2000` for the browser's copied pages. A failing draw
// prints its seed, which `FC_SEED=<seed>` replays.
import fc from 'fast-check';

const given = process.env.FC_SEED;
if (given !== 'random') {
  const seed = Number(given ?? 20261127);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED is a whole number or "random", not "${given}"`);
  fc.configureGlobal({ seed });
}
