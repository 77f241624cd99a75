import type { SampleSummary } from "@/db/queries/samples";
import type { Analysis, Draft, WritingSample } from "@/db/schema";

/** What the API returns for a sample: never the owner id, and the text only where asked for. */
export function sampleDto(s: WritingSample | SampleSummary) {
  return {
    id: s.id,
    title: s.title,
    register: s.register,
    wordCount: s.wordCount,
    sourceFilename: s.sourceFilename,
    sourceType: s.sourceType,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    ...("preview" in s ? { preview: s.preview } : {}),
  };
}

export function draftDto(d: Draft) {
  return { id: d.id, title: d.title, text: d.text, version: d.version, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString() };
}

/** A saved analysis exactly as stored: text, engine version and the engine's result (or its job's state). */
export function analysisDto(a: Analysis) {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    textHash: a.textHash,
    engineVersion: a.engineVersion,
    verdict: a.verdict,
    aiProbability: a.aiProbability,
    wordCount: a.wordCount,
    result: a.result,
    saved: a.saved,
    // A long document's analysis is filled in by a job: verdict and result are null until `ready`.
    status: a.status,
    progress: a.progress,
    error: a.error,
    createdAt: a.createdAt.toISOString(),
  };
}
