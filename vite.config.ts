import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { contentSecurityPolicy } from './src/app/csp.ts';

export default defineConfig({
  plugins: [solid()],
  base: './',
  build: { target: 'es2022', sourcemap: true },
  worker: { format: 'es' },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
});
