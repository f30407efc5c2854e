// Builds the operations console into console-ui/dist: one HTML page, hashed scripts and styles (SLDS and its
// fonts included) under /console/assets/, nothing loaded from elsewhere at run time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Fonts and images stay files (the page's Content-Security-Policy allows only its own origin).
    assetsInlineLimit: 0,
    // SLDS ships minified; lightningcss refuses some of its selectors (`:nth-child(1of ...)`).
    cssMinify: false,
    chunkSizeWarningLimit: 2_000,
    // The SLDS stylesheet is large: a slow CSS transform on a busy machine is expected, not worth a warning.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
