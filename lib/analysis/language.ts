// Language identification with franc-min (trigram profiles); only English is scored.
import { franc } from "franc-min";

const SAMPLE_CHARS = 2000;

/** ISO 639-3 code of the text's language, or "und" when too short to tell. */
export function detectLanguage(text: string): string {
  // the start and the middle, so a quoted opening does not decide alone
  const sample = text.length <= SAMPLE_CHARS
    ? text
    : text.slice(0, SAMPLE_CHARS / 2) + " " + text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + SAMPLE_CHARS / 2);
  return franc(sample, { minLength: 20 });
}
