import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: easier to read, and tests/architecture.test.ts can see them.
  imports: false,
  // No desktop browser to launch on CI machines or in containers.
  webExt: { disabled: true },
  manifest: {
    name: 'Ironstride',
    description: 'Fits strength sessions around your runs: hard days hard, easy days easy.',
    permissions: ['storage'],
  },
});
