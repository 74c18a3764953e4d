/**
 * Imported first by every entrypoint, so it runs before any module builds a zod schema.
 *
 * zod 4 compiles object validators with `new Function` unless `jitless` is set, and each schema
 * reads the setting when it is built (at import time), after probing `new Function('')` once.
 * The extension's CSP (`script-src 'self'`) refuses it: parsing falls back to the interpreter
 * anyway, but Firefox logs a CSP_CSPEvalScriptViolation on every page and addons.mozilla.org's
 * reviewers see an eval attempt. With `jitless` the probe is skipped and nothing is compiled.
 * An ES module's imports run before its body, which is why this is a module and not a line in
 * each entrypoint.
 */
import { z } from 'zod';

z.config({ jitless: true });
