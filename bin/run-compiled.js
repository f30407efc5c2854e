// `node bin/run-compiled.js <source.ts> [args...]`: runs one of the compiled sources (compiled.js's list, the
// emulators' benches among them) as the CLI and the bench run: plain JavaScript, no TypeScript loader, so a
// figure it prints is the code as it runs in production, not tsx's transform (esbuild's keepNames there names
// every function made at run time with a property write). The source's own arguments follow it; the module
// sees them as if it had been started directly (process.argv[2] onwards).
import { compiled } from './compiled.js';

const [source] = process.argv.splice(2, 1);
if (source === undefined || !source.endsWith('.ts')) {
  console.error('usage: node bin/run-compiled.js <path/to/source.ts> [args...]');
  process.exit(2);
}
await import(await compiled(source));
