import { describe, expect, it } from "vitest";
import { wordCount } from "@/lib/analysis";
import { AppError } from "@/lib/errors";
import { validateSampleText } from "./validate-sample";

const check = (text: string) => validateSampleText({ text, wordCount: wordCount(text) });
const codeOf = (text: string) => {
  try {
    check(text);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
};

const ENGLISH =
  "I wrote this letter on the train home, somewhere between the river and the long cutting where the phone signal always drops. " +
  "It is not a good letter, but it is an honest one, and I would rather send you something honest than wait another month.";
const FRENCH =
  "J'ai écrit cette lettre dans le train du retour, quelque part entre la rivière et la longue tranchée où le réseau disparaît toujours. " +
  "Ce n'est pas une bonne lettre, mais elle est honnête, et je préfère vous envoyer quelque chose d'honnête plutôt qu'attendre encore un mois.";

describe("validateSampleText", () => {
  it("accepts English prose", () => expect(codeOf(ENGLISH)).toBe("ok"));
  it("refuses non-English text", () => expect(codeOf(FRENCH)).toBe("not_english"));
  it("refuses empty and very short text", () => {
    expect(codeOf("   ")).toBe("empty_text");
    expect(codeOf("Just a few words here.")).toBe("too_short");
  });
});
