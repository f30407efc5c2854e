#!/usr/bin/env -S node --max-old-space-size=1024 --max-semi-space-size=8
// The V8 heap settings in the line above are repeated in package.json (start, serve, bench; a test holds them
// equal). V8 lets its heap grow to up to 4 times the live objects when the heap limit is 2 GB or more, and 1.3 to
// 2 times under it (MaxGrowingFactor in https://github.com/nodejs/node/blob/v20.x/deps/v8/src/heap/heap-controller.cc);
// 8 MB semi-spaces halve the young generation. A Turbo Sync's live heap is about 30 MB whatever the tenant's size,
// so with the defaults most of the process's memory was garbage not yet collected (README, Benchmarks: turbo).
// Runs the TypeScript CLI compiled to plain JavaScript on first use (compiled.js), so there is no build step
// between a clone and a run, and no TypeScript loader held in the running process.
import { compiled } from './compiled.js';

const { runMain } = await import(await compiled('service/src/main.ts'));
process.exitCode = await runMain(process.argv);
