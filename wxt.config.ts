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
    // Least privilege: storage for your settings and plan, alarms for the hourly re-sync.
    permissions: ['storage', 'alarms'],
    // Feed hosts are asked for one origin at a time, when you add a feed (options page).
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Ironstride' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  },
});
