/**
 * The build-time Google settings WXT exposes to the bundle (`WXT_*` variables become
 * `import.meta.env.WXT_*`). Unset ones are undefined; see README, "Google Calendar in the extension".
 */
interface ImportMetaEnv {
  /** The OAuth client: a "Chrome extension" client for getAuthToken, a "Web application" one otherwise. */
  readonly WXT_GOOGLE_CLIENT_ID?: string;
  /** A "Web application" client for launchWebAuthFlow, when the build also has a Chrome extension client. */
  readonly WXT_GOOGLE_WEB_CLIENT_ID?: string;
  /** Tests and automation: the Calendar API root (e.g. the fake's `http://127.0.0.1:PORT/`). */
  readonly WXT_GOOGLE_API_ROOT?: string;
  /** Tests and automation: the authorization endpoint launchWebAuthFlow opens. */
  readonly WXT_GOOGLE_AUTH_URL?: string;
  /** Tests and automation: the token revocation endpoint. */
  readonly WXT_GOOGLE_REVOKE_URL?: string;
  /** `web` forces launchWebAuthFlow (the e2e build: getAuthToken needs a real Google account). */
  readonly WXT_GOOGLE_AUTH_FLOW?: string;
}
