/** Vitest `globalSetup` of the e2e project: the browser must be there, and the extension built. */
import { assertChromium, buildExtension } from './build';

export default function setup(): void {
  assertChromium();
  buildExtension();
}
