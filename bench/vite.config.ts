import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// For `vite-node bench/run.ts`: the `@/` alias the extension's sources use.
export default defineConfig({ resolve: { alias: { '@': resolve(import.meta.dirname, '..') } } });
