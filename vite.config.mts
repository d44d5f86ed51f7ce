import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// The renderer is split so that the first screen (sign-in, or once the first-run wizard) loads only what it needs:
// routes and dialogs are React.lazy chunks (see renderer/src/app/Shell.tsx), and the vendor code is grouped
// (rolldown's output.codeSplitting) into chunks that change rarely: React, the node_modules the first screen needs,
// and ECharts, which only the dashboard chunk imports. Everything else is split automatically by importer.
// `node scripts/measure-first-screen.mjs` prints what index.html loads before sign-in against the budget.
const nm = (pkgs: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${pkgs})[\\\\/]`);

export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600, // kB: the largest chunk is ECharts (~540 kB raw), loaded with the dashboard only
    // Electron 45 and the browsers the browser host supports all have <link rel="modulepreload">
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // content-hashed names: a changed chunk gets a new name, an unchanged one keeps it
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        codeSplitting: {
          groups: [
            { name: 'react', test: nm('react|react-dom|scheduler'), priority: 30 },
            { name: 'echarts', test: nm('echarts|zrender|tslib'), priority: 20 },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
});
