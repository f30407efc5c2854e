#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so there is no build step between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { runMain } = await import('../service/src/main.ts');
process.exitCode = await runMain(process.argv);
