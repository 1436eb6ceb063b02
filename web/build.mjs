// Builds the front end into dist/: the JavaScript entry, chunks that are
// loaded on demand (the chart library only on pages with charts), one CSS
// bundle (NL Design System components + the open voorbeeld theme + our own
// styles) and the HTML shell. Nothing is loaded from a CDN.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const watch = process.argv.includes('--watch');
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
copyFileSync('src/index.html', 'dist/index.html');
copyFileSync('src/favicon.svg', 'dist/favicon.svg');

const options = {
  entryPoints: { app: 'src/main.ts', 'app-css': 'src/styles/index.css' },
  outdir: 'dist',
  bundle: true,
  minify: true,
  // Source maps only on request (KOERS_SOURCEMAP=1): they are not for production.
  sourcemap: process.env.KOERS_SOURCEMAP === '1',
  target: ['es2022'],
  format: 'esm',
  logLevel: 'info',
  entryNames: '[name]',
  // Dynamic import() becomes a separate file, so pages without charts do
  // not download ECharts.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
};
if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
