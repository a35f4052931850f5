// Builds the web app into web/dist: index.html (the app) and widget.html (the chat widget's
// page, framed on customers' sites) plus content-hashed files under /assets/, which
// `frontline serve` caches forever (the .html pages never). public/widget.js, the widget's
// loader that sites link by a stable address, is copied to dist/widget.js as it is.
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
    rolldownOptions: {
      input: { main: 'index.html', widget: 'widget.html' },
      // What both pages use (Preact, the chat view, the base styles) in one chunk named for that.
      output: { codeSplitting: { groups: [{ name: 'shared', minShareCount: 2 }] } },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true },
    },
  },
});
