import { detectLanguage } from "@/lib/analysis/language";
import { AppError } from "@/lib/errors";
import { emptyText } from "./extract";
import { MIN_SAMPLE_WORDS } from "./limits";

/**
 * A writing sample must be English prose of some length: the engine's fingerprint and detector are
 * English-only, and a few words say nothing about a voice. Uses the engine's own language check.
 */
export function validateSampleText({ text, wordCount }: { text: string; wordCount: number }): void {
  if (text.trim() === "" || wordCount === 0) throw emptyText("This sample has no text.");
  if (wordCount < MIN_SAMPLE_WORDS) {
    throw new AppError({
      status: 422,
      code: "too_short",
      message: `This sample has ${wordCount} words; samples need at least ${MIN_SAMPLE_WORDS} to say something about your voice.`,
    });
  }
  const language = detectLanguage(text);
  // "und": too little text to tell; the word minimum above keeps that rare, so let it through.
  if (language !== "eng" && language !== "und") {
    throw new AppError({
      status: 422,
      code: "not_english",
      message: "This text does not look like English. Penprint's analysis only supports English writing for now.",
    });
  }
}
