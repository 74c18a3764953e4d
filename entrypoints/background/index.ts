import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring only; services are registered here as they land.
});
