import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer is built to static files: Electron serves them as app://puljeplan/
// (electron/app-protocol.ts), and the browser harness (db/web/server.ts) serves the same files.
// The source maps are for development; build/electron-builder.yml leaves them out of the package.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: true,
    // The app, and the print page the CLI loads in Chromium (renderer/src/print; docs/print.md).
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        print: fileURLToPath(new URL('print.html', import.meta.url)),
      },
    },
  },
  esbuild: { jsx: 'automatic' },
});
