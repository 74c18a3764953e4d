/**
 * The Google connection's build-time settings. The OAuth client id and the test overrides are
 * baked in when the extension is built (`WXT_GOOGLE_*`, exposed by WXT as `import.meta.env`);
 * the background reads them once and passes them here, so nothing below reads the environment.
 */
import { z } from 'zod';
import { DEFAULT_GOOGLE_ROOT_URL } from '../../calendar/google';

/** Google's OAuth 2.0 authorization endpoint (the implicit grant `launchWebAuthFlow` uses). */
export const DEFAULT_GOOGLE_AUTH_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
/** Google's token revocation endpoint (https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke). */
export const DEFAULT_GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';

/**
 * How the extension signs in: Chrome's own `identity.getAuthToken` (a "Chrome extension" OAuth
 * client; Chrome keeps and refreshes the token), or `identity.launchWebAuthFlow` with the
 * implicit grant (a "Web application" client; Firefox, Edge, and Chrome when forced).
 */
export type GoogleAuthFlow = 'get-auth-token' | 'web-auth-flow';

export interface GoogleBuildConfig {
  /** Undefined when this build cannot connect to Google; `problem` says why. */
  clientId?: string;
  /** The client id for `launchWebAuthFlow`, when it differs from the Chrome extension client. */
  webClientId?: string;
  apiRoot: string;
  authUrl: string;
  revokeUrl: string;
  /** `auto`: getAuthToken in Chrome, launchWebAuthFlow in Firefox and Edge. */
  flow: 'auto' | 'chrome' | 'web';
  /** Why Google is off in this build, for the options page. */
  problem?: string;
}

/** The `WXT_GOOGLE_*` variables as `import.meta.env` has them after the build. */
export interface GoogleBuildEnv {
  WXT_GOOGLE_CLIENT_ID?: string;
  WXT_GOOGLE_WEB_CLIENT_ID?: string;
  WXT_GOOGLE_API_ROOT?: string;
  WXT_GOOGLE_AUTH_URL?: string;
  WXT_GOOGLE_REVOKE_URL?: string;
  WXT_GOOGLE_AUTH_FLOW?: string;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const httpUrl = (name: string) =>
  optionalText.refine(
    (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
    {
      error: `${name} must be an http(s) URL`,
    },
  );

const envSchema = z.object({
  WXT_GOOGLE_CLIENT_ID: optionalText,
  WXT_GOOGLE_WEB_CLIENT_ID: optionalText,
  WXT_GOOGLE_API_ROOT: httpUrl('WXT_GOOGLE_API_ROOT'),
  WXT_GOOGLE_AUTH_URL: httpUrl('WXT_GOOGLE_AUTH_URL'),
  WXT_GOOGLE_REVOKE_URL: httpUrl('WXT_GOOGLE_REVOKE_URL'),
  WXT_GOOGLE_AUTH_FLOW: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z
      .enum(['auto', 'chrome', 'web'], {
        error: 'WXT_GOOGLE_AUTH_FLOW must be auto, chrome or web',
      })
      .optional(),
  ),
});

const NO_CLIENT =
  'this copy of Ironstride was built without a Google OAuth client id (WXT_GOOGLE_CLIENT_ID)';

/**
 * Reads the build's Google settings. A bad value turns Google off with the reason, rather than
 * stopping the background: the rest of the extension works without Google.
 */
export function parseGoogleBuildConfig(env: GoogleBuildEnv): GoogleBuildConfig {
  const defaults = {
    apiRoot: DEFAULT_GOOGLE_ROOT_URL,
    authUrl: DEFAULT_GOOGLE_AUTH_URL,
    revokeUrl: DEFAULT_GOOGLE_REVOKE_URL,
    flow: 'auto' as const,
  };
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ...defaults,
      problem: `this build's Google settings are invalid: ${issue?.message ?? 'unreadable'}`,
    };
  }
  const e = parsed.data;
  const config: GoogleBuildConfig = {
    apiRoot: e.WXT_GOOGLE_API_ROOT ?? defaults.apiRoot,
    authUrl: e.WXT_GOOGLE_AUTH_URL ?? defaults.authUrl,
    revokeUrl: e.WXT_GOOGLE_REVOKE_URL ?? defaults.revokeUrl,
    flow: e.WXT_GOOGLE_AUTH_FLOW ?? 'auto',
    ...(e.WXT_GOOGLE_CLIENT_ID ? { clientId: e.WXT_GOOGLE_CLIENT_ID } : { problem: NO_CLIENT }),
    ...(e.WXT_GOOGLE_WEB_CLIENT_ID ? { webClientId: e.WXT_GOOGLE_WEB_CLIENT_ID } : {}),
  };
  return config;
}

/** What the browser is, as far as the sign-in goes. */
export interface BrowserTraits {
  /** A Firefox build (`import.meta.env.FIREFOX`). */
  firefox: boolean;
  /** `navigator.userAgent`: Edge runs the Chrome build but has no getAuthToken. */
  userAgent: string;
}

/**
 * Picks the sign-in flow. `getAuthToken` only works in Chrome (Edge answers that it is not
 * supported; Firefox has none), so everything else uses `launchWebAuthFlow`.
 */
export function resolveAuthFlow(
  config: Pick<GoogleBuildConfig, 'flow'>,
  traits: BrowserTraits,
): GoogleAuthFlow {
  if (config.flow === 'web') return 'web-auth-flow';
  if (config.flow === 'chrome') return 'get-auth-token';
  if (traits.firefox || /\bEdg(e|A|iOS)?\//.test(traits.userAgent)) return 'web-auth-flow';
  return 'get-auth-token';
}

/** The client id a flow uses: the Web client for launchWebAuthFlow when one was given. */
export function clientIdFor(config: GoogleBuildConfig, flow: GoogleAuthFlow): string | undefined {
  return flow === 'web-auth-flow' ? (config.webClientId ?? config.clientId) : config.clientId;
}
