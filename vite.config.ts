import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './src/app/csp.ts';

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      // The app asks before it updates: an edit is never lost to a reload it did not choose.
      registerType: 'prompt',
      // Registered from our bundle (src/app/offline.ts), never by an inline script: the CSP forbids those.
      injectRegister: null,
      includeAssets: ['favicon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png', 'examples/*.json', 'schema/*.json'],
      manifest: {
        name: 'Chỉ tiêu — Chitieu',
        short_name: 'Chỉ tiêu',
        description: 'Lập kế hoạch chỉ tiêu, mục tiêu và kịch bản ngay trong trình duyệt, không cần máy chủ.',
        lang: 'vi',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f8f7',
        theme_color: '#0b6e4f',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the app needs offline: the bundle, the engine worker, lazy chunks, the example.
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
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
