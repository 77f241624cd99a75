import type { Database } from "@/db/client";
import { createSample, DEFAULT_SAMPLE_WORDS_LIMIT } from "@/db/queries/samples";
import type { Register, WritingSample } from "@/db/schema";
import { wordCount as countWords } from "@/lib/analysis";
import { contentHash, extractDocument, normalizeText, validateSampleText, type SourceType } from "@/lib/documents";

const TITLE_MAX = 120;

/** A title from the file name, or else from the first words of the text. */
export function defaultTitle({ filename, text }: { filename?: string | null; text: string }): string {
  const fromName = filename?.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").trim();
  if (fromName) return fromName.slice(0, TITLE_MAX);
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8).join(" ");
  return (words.length > 60 ? `${words.slice(0, 60)}…` : words) || "Untitled sample";
}

interface SampleSource {
  userId: string;
  register: Register;
  title?: string | null;
  wordsLimit?: number;
  db?: Database;
}

async function store(
  { userId, register, title, wordsLimit = DEFAULT_SAMPLE_WORDS_LIMIT, db }: SampleSource,
  { text, sourceType, sourceFilename }: { text: string; sourceType: SourceType; sourceFilename: string | null },
): Promise<WritingSample> {
  const wordCount = countWords(text);
  validateSampleText({ text, wordCount });
  return createSample(
    {
      userId,
      register,
      title: title?.trim() || defaultTitle({ filename: sourceFilename, text }),
      text,
      wordCount,
      contentHash: contentHash(text),
      sourceFilename,
      sourceType,
      wordsLimit,
    },
    db,
  );
}

/** A sample from an uploaded file: type from its bytes, text extracted, checked, stored. */
export async function addSampleFromFile(
  source: SampleSource & { bytes: Uint8Array; filename?: string | null },
): Promise<WritingSample> {
  const doc = await extractDocument({ bytes: source.bytes, filename: source.filename ?? undefined });
  return store(source, { text: doc.text, sourceType: doc.sourceType, sourceFilename: source.filename?.slice(0, 255) || null });
}

/** A sample from pasted text. */
export async function addSampleFromText(source: SampleSource & { text: string }): Promise<WritingSample> {
  return store(source, { text: normalizeText(source.text), sourceType: "paste", sourceFilename: null });
}
