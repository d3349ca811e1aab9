import { writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Vite empties dist/ on build; the Go side embeds frontend/dist, which must
// exist with at least one file in a fresh checkout, so keep the placeholder.
const keepDistPlaceholder = {
  name: 'usagedash-keep-dist-placeholder',
  apply: 'build' as const,
  closeBundle() {
    writeFileSync(fileURLToPath(new URL('./dist/.keep', import.meta.url)), '');
  },
};

export default defineConfig({
  plugins: [react(), keepDistPlaceholder],
  resolve: {
    alias: {
      '@wails': fileURLToPath(new URL('./wailsjs', import.meta.url)),
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    // Above the 30 s wait of findBy/waitFor (src/test/setup.ts), so a slow wait fails with its own message.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
