/** Sessions last 30 days after the last visit (sliding); the server-side row is the authority. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_MAX_AGE_MS = SESSION_MAX_AGE_SECONDS * 1000;
/** Slide the row at most this often, so every request does not write. */
export const SESSION_TOUCH_INTERVAL_MS = 5 * 60 * 1000;
