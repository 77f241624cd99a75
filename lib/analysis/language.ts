// Language identification. English prose is ~40–55 % function words (the, of, and …), other
// languages a few per cent, so a high share settles it without franc's trigram comparison
// against 80 languages (which cost more than the rest of the analysis); otherwise franc-min decides.
import { franc } from "franc-min";

const SAMPLE_CHARS = 2000;
export const ENGLISH_FUNCTION_SHARE = 0.3;

/** ISO 639-3 code of the text's language, or "und" when too short to tell. */
export function detectLanguage(text: string, englishFunctionWordShare?: number): string {
  if (englishFunctionWordShare !== undefined && englishFunctionWordShare >= ENGLISH_FUNCTION_SHARE) return "eng";
  // the start and the middle, so a quoted opening does not decide alone
  const sample = text.length <= SAMPLE_CHARS
    ? text
    : text.slice(0, SAMPLE_CHARS / 2) + " " + text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + SAMPLE_CHARS / 2);
  return franc(sample, { minLength: 20 });
}
