import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Relative asset URLs so the same build loads from app://gainsay/ (desktop) and from the
// browser-mode server. No inline scripts or styles: the CSP forbids them.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
