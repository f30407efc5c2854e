#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=8
// The V8 heap settings above (also in package.json's start, serve and bench scripts; a test holds them equal):
// a cap under 2 GB keeps V8's heap growing factor at 1.3-2.0 instead of up to 4 times the live objects, and 8 MB
// semi-spaces halve the young generation. The live heap of a Turbo Sync stays near 30 MB at any tenant size, so
// without them the process's RSS was mostly garbage not yet collected (README, Benchmarks: turbo).
// Runs the TypeScript CLI through tsx's loader, so there is no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../service/src/main.ts');
process.exitCode = await runMain(process.argv);
