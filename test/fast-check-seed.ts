// Every property test draws the same cases on every run, so that a run fails on a change, never on
// its luck. `FC_SEED=random` (with `RUNS=2000` where a test reads it) explores further; a failing
// draw prints its seed, which `FC_SEED=<seed>` replays.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed ?? 20261127) });
