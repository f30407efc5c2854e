// `npm run bench -- ...`: the benchmarks (scripts/bench.ts) run compiled, as the CLI runs (compiled.js), so the
// connector they measure in this process is the one `zuora-sync` runs, without a TypeScript loader.
import { compiled } from './compiled.js';

await import(await compiled('scripts/bench.ts'));
