/**
 * Assembles the background's Google dependencies from the build's settings and the browser, so
 * `entrypoints/background` only wires: it passes `import.meta.env` and the browser's APIs in.
 */
import type { GoogleDeps } from '../deps';
import { createGoogleAuth } from './auth';
import type { IdentityApi } from './auth';
import { clientIdFor, parseGoogleBuildConfig, resolveAuthFlow } from './config';
import type { BrowserTraits, GoogleBuildEnv } from './config';
import type { TokenStore } from './storage';

export interface SetUpGoogleOptions {
  env: GoogleBuildEnv;
  traits: BrowserTraits;
  /** `browser.identity`, read at each call (it appears when the optional permission is granted). */
  identity: () => IdentityApi | undefined;
  tokens: TokenStore;
  fetch: typeof globalThis.fetch;
  now: () => number;
  newState: () => string;
}

export function setUpGoogle(options: SetUpGoogleOptions): GoogleDeps {
  const config = parseGoogleBuildConfig(options.env);
  const flow = resolveAuthFlow(config, options.traits);
  const clientId = config.problem ? undefined : clientIdFor(config, flow);
  const auth = clientId
    ? createGoogleAuth({
        flow,
        clientId,
        authUrl: config.authUrl,
        revokeUrl: config.revokeUrl,
        identity: options.identity,
        tokens: options.tokens,
        fetch: options.fetch,
        now: options.now,
        newState: options.newState,
      })
    : undefined;
  return {
    config,
    ...(auth ? { auth } : {}),
    identityGranted: () => options.identity() !== undefined,
    redirectUrl: () => {
      try {
        return options.identity()?.getRedirectURL();
      } catch {
        return undefined;
      }
    },
  };
}
