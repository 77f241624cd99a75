// Finds secrets in log text. Used by log-scan.check.mjs after the whole suite ran.
//
// The one documented exception: in embedded mode without SMTP_URL, Penprint prints email
// verification and password reset links to the console so a self-hoster can use them. A token may
// therefore appear inside such a link (`/verify-email?token=…` or `/reset-password?token=…`) and
// nowhere else; the rest of that line is checked like any other.

export const CONSOLE_MAIL_LINK = /\/(?:verify-email|reset-password)\?token=[^\s"'<>\\&]+/g;

/** The spellings a value can take in a log line: raw, URL-encoded, form-encoded, JSON-escaped. */
export function spellings(secret) {
  const variants = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, "+"),
    JSON.stringify(secret).slice(1, -1),
  ]);
  return [...variants];
}

/** A secret shown in a failure message: enough to recognise it, not the whole value. */
export function mask(secret) {
  return secret.length <= 12 ? `${secret.slice(0, 3)}…` : `${secret.slice(0, 10)}…(${secret.length} chars)`;
}

/**
 * @param {{ secrets: string[], logs: { name: string, text: string }[] }} input
 * @returns {{ log: string, line: number, secret: string }[]} one entry per secret found on a line
 */
export function findLeaks({ secrets, logs }) {
  const leaks = [];
  const needles = secrets.map((secret) => ({ secret, forms: spellings(secret) }));
  for (const { name, text } of logs) {
    const lines = text.split("\n");
    lines.forEach((raw, index) => {
      const line = raw.replace(CONSOLE_MAIL_LINK, "/[console-mail-link]");
      for (const { secret, forms } of needles) {
        if (forms.some((form) => line.includes(form))) leaks.push({ log: name, line: index + 1, secret });
      }
    });
  }
  return leaks;
}
