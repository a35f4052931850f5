// Builds the web app into web/dist: index.html plus content-hashed files under /assets/,
// which `frontline serve` caches forever (index.html never).
import { defineConfig } from 'vite';

export default defineConfig({
  // Vite 8 transforms with Oxc (esbuild's jsx options are gone): Preact's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
