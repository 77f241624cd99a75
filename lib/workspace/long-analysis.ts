import type { Database } from "@/db/client";
import { completeAnalysis, getAnalysis, setAnalysisProgress } from "@/db/queries/analyses";
import { beginAnalysis, ENGINE_VERSION, finishAnalysis, scoreSentences, type Analysis, type AnalysisStage, type SentenceResult } from "@/lib/analysis";
import type { JsonCache } from "@/lib/cache";
import { ANALYSIS_CACHE_TTL_SECONDS, analysisCacheKey, getAnalysisCache, textHash } from "./save-analysis";

/**
 * The background analysis of a long document (issue 5, item 4), in steps so that its progress is
 * real: `segment` (segmenting and document features, about three quarters of the work, measured),
 * `score-part-k-of-n` (the sentences of about PART_WORDS words each), then `combine` (the verdict)
 * which stores exactly what `analyze(text)` returns. Each step writes the progress to the row and
 * stops the job cleanly when the row or its writer was deleted meanwhile.
 *
 * The steps run through a `StepRunner`: Inngest's `step.run` (inngest/functions/analyze-long-document.ts),
 * whose memoised outputs let a retry resume after the last finished step, or a plain in-process
 * runner (lib/workspace/long-analysis-jobs.ts). Events and step outputs carry ids and scores, never text.
 */

export interface StepRunner {
  run<T>(id: string, work: () => Promise<T>): Promise<T>;
}

/** Words of the document scored per step. */
export const PART_WORDS = 10_000;
/** Share of the work done once the document is segmented (measured: ~80 % of the time at 50k–200k words). */
export const SEGMENT_SHARE = 0.75;
/** Share done once every sentence is scored; `combine` takes it to 1. */
export const SCORED_SHARE = 0.95;

/** What the writer reads when the job gave up (after Inngest's retries, or a failed in-process run). */
export const LONG_ANALYSIS_FAILED_MESSAGE =
  "Penprint could not finish analysing this text. Try saving it again; if it fails again, split it into parts.";

export type LongAnalysisOutcome = "ready" | "ready-from-cache" | "gone";

export interface LongAnalysisDependencies {
  db: Database;
  cache?: JsonCache;
}

type Range = [from: number, to: number];

// The staged analysis of the document being worked on, so steps run in the same process do not
// redo the segmenting; a step in another process (or after a restart) recomputes it from the text.
const holder = globalThis as unknown as { __penprintLongAnalysisStages?: Map<string, { hash: string; stage: AnalysisStage }> };
const stages = (holder.__penprintLongAnalysisStages ??= new Map());
const MAX_KEPT_STAGES = 2;

function stageFor(analysisId: string, text: string, hash = textHash(text)): AnalysisStage {
  const kept = stages.get(analysisId);
  if (kept?.hash === hash) return kept.stage;
  const stage = beginAnalysis(text);
  stages.set(analysisId, { hash, stage });
  while (stages.size > MAX_KEPT_STAGES) stages.delete(stages.keys().next().value as string);
  return stage;
}

/** Runs of whole sentences of about `partWords` words each, covering every sentence in order. */
export function partsOf(sentenceWords: ArrayLike<number>, partWords = PART_WORDS): Range[] {
  const parts: Range[] = [];
  let from = 0;
  let words = 0;
  for (let i = 0; i < sentenceWords.length; i++) {
    words += sentenceWords[i] ?? 0;
    if (words >= partWords) {
      parts.push([from, i + 1]);
      from = i + 1;
      words = 0;
    }
  }
  if (from < sentenceWords.length || parts.length === 0) parts.push([from, sentenceWords.length]);
  return parts;
}

/** The row while its job may still work on it (queued or running, and its writer exists). */
async function pendingRow({ analysisId, userId, db }: { analysisId: string; userId: string; db: Database }) {
  const row = await getAnalysis({ id: analysisId, userId }, db);
  return row && (row.status === "queued" || row.status === "running") ? row : null;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function store({ analysisId, userId, analysis, db }: { analysisId: string; userId: string; analysis: Analysis; db: Database }) {
  return completeAnalysis(
    {
      id: analysisId,
      userId,
      engineVersion: analysis.engineVersion,
      verdict: analysis.verdict,
      aiProbability: analysis.aiProbability,
      wordCount: analysis.words,
      result: analysis,
    },
    db,
  );
}

export async function runLongAnalysis(
  { analysisId, userId }: { analysisId: string; userId: string },
  { step, db, cache = getAnalysisCache() }: LongAnalysisDependencies & { step: StepRunner },
): Promise<{ outcome: LongAnalysisOutcome }> {
  const plan = await step.run("segment", async (): Promise<{ stop: LongAnalysisOutcome } | { parts: Range[] }> => {
    const row = await pendingRow({ analysisId, userId, db });
    if (!row) return { stop: "gone" };
    const hash = textHash(row.text);
    const hit = (await cache.get(analysisCacheKey({ userId, hash }))) as unknown as Analysis | undefined;
    // The job runs today's engine, so only a result of today's engine may stand in for it.
    if (hit && hit.engineVersion === ENGINE_VERSION) {
      return { stop: (await store({ analysisId, userId, analysis: hit, db })) ? ("ready-from-cache") : ("gone") };
    }
    const stage = stageFor(analysisId, row.text, hash);
    if (!(await setAnalysisProgress({ id: analysisId, userId, progress: SEGMENT_SHARE }, db))) return { stop: "gone" };
    return { parts: partsOf(stage.sentenceWords) };
  });
  if ("stop" in plan) return { outcome: plan.stop };

  const sentences: SentenceResult[] = [];
  for (const [k, [from, to]] of plan.parts.entries()) {
    const part = await step.run(`score-part-${k + 1}-of-${plan.parts.length}`, async (): Promise<{ stop: LongAnalysisOutcome } | { sentences: SentenceResult[] }> => {
      const row = await pendingRow({ analysisId, userId, db });
      if (!row) return { stop: "gone" };
      const scored = plain(scoreSentences(stageFor(analysisId, row.text), from, to));
      const progress = SEGMENT_SHARE + ((SCORED_SHARE - SEGMENT_SHARE) * (k + 1)) / plan.parts.length;
      if (!(await setAnalysisProgress({ id: analysisId, userId, progress }, db))) return { stop: "gone" };
      return { sentences: scored };
    });
    if ("stop" in part) return { outcome: part.stop };
    sentences.push(...part.sentences);
    // Lets the process answer requests (e.g. the progress polls) between parts when run in-process.
    await new Promise((resolve) => setImmediate(resolve));
  }

  return step.run("combine", async (): Promise<{ outcome: LongAnalysisOutcome }> => {
    const row = await pendingRow({ analysisId, userId, db });
    if (!row) return { outcome: "gone" };
    const hash = textHash(row.text);
    // Stored as JSON, like saveAnalysis does: the report is plain data.
    const analysis = plain(finishAnalysis(stageFor(analysisId, row.text, hash), sentences));
    stages.delete(analysisId);
    await cache.set(analysisCacheKey({ userId, hash }), analysis as unknown as Parameters<JsonCache["set"]>[1], ANALYSIS_CACHE_TTL_SECONDS);
    return { outcome: (await store({ analysisId, userId, analysis, db })) ? ("ready") : ("gone") };
  });
}
