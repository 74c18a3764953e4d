/**
 * The property Ironstride puts on every event it writes, holding the session id. The reader picks
 * it up so a re-read calendar never mistakes Ironstride's sessions for the runner's own strength.
 */
export const IRONSTRIDE_SESSION_PROPERTY = 'X-IRONSTRIDE-SESSION';
