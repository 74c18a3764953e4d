/** Vitest `globalSetup` of the e2e-firefox project: the browser must be there, and the add-on built. */
import { assertFirefox, buildFirefoxExtension } from './build';

export default function setup(): void {
  assertFirefox();
  buildFirefoxExtension();
}
