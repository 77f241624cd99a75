import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getAnalysis, getAnalysisJobState } from "@/db/queries/analyses";
import { analyses, users } from "@/db/schema";
import { createInngestClient } from "@/inngest/client";
import { createLongAnalysisFunction } from "@/inngest/functions/analyze-long-document";
import { analyze, ENGINE_VERSION, wordCount } from "@/lib/analysis";
import { createCache, type JsonCache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { seedUser } from "@/tests/helpers/seed";
import { LONG_ANALYSIS_FAILED_MESSAGE, PART_WORDS, SEGMENT_SHARE, partsOf, runLongAnalysis, type StepRunner } from "./long-analysis";
import { analyseInProcess, whenLongAnalysesIdle } from "./long-analysis-jobs";
import { analysisCacheKey, MAX_ANALYSIS_WORDS, MAX_SYNC_ANALYSIS_WORDS, textHash } from "./save-analysis";
import { submitAnalysis } from "./submit-analysis";
import { EMAIL, ESSAY, FICTION } from "./test-texts";

/** A document of at least `words` words made of the test texts, each copy numbered so that it differs. */
function longText(words: number, seed = "Chapter"): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 1; total < words; i++) {
    const part = `${seed} ${i}.\n\n${[ESSAY, FICTION, EMAIL][i % 3]}`;
    parts.push(part);
    total += wordCount(part);
  }
  return parts.join("\n\n");
}

const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const freshCache = () => createCache({ redis: null, namespace: `long-${Math.random()}` });

/** Runs steps in order like the in-process runner, noting the row's state after each one. */
function recordingSteps(db: Database, ids: { analysisId: string; userId: string }, after?: (stepId: string) => Promise<void>) {
  const seen: { step: string; status: string | undefined; progress: number | undefined }[] = [];
  const step: StepRunner = {
    run: async (id, work) => {
      const out = await work();
      const state = await getAnalysisJobState({ id: ids.analysisId, userId: ids.userId }, db);
      seen.push({ step: id, status: state?.status, progress: state?.progress });
      await after?.(id);
      return out;
    },
  };
  return { step, seen };
}

describe("partsOf", () => {
  it("cuts whole sentences into runs of about PART_WORDS words that cover every sentence once", () => {
    expect(partsOf([4, 4, 4, 4, 4], 8)).toEqual([[0, 2], [2, 4], [4, 5]]);
    expect(partsOf([10, 1], 8)).toEqual([[0, 1], [1, 2]]);
    expect(partsOf([], 8)).toEqual([[0, 0]]);
    expect(partsOf([3, 3], 100)).toEqual([[0, 2]]);
  });
});

describe.each(testEngines)("long-document analysis on $title", ({ skip, create }) => {
  let database: TestDatabase | undefined;
  let db: Database;
  const text = longText(MAX_SYNC_ANALYSIS_WORDS + 2_500);

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    db = database.handle.db;
  });
  afterAll(async () => {
    await whenLongAnalysesIdle();
    await database?.drop();
  });

  async function queued(userId: string, body = text) {
    const [row] = await db
      .insert(analyses)
      .values({ userId, title: "Long", text: body, textHash: textHash(body), engineVersion: ENGINE_VERSION, wordCount: wordCount(body), saved: true, status: "queued", progress: 0 })
      .returning();
    return row!;
  }

  it.skipIf(skip)("runs in steps with real progress and stores exactly what analyze(text) returns, then serves the same text from the cache", async () => {
    const user = await seedUser(db);
    const cache = freshCache();
    const row = await queued(user.id);
    const { step, seen } = recordingSteps(db, { analysisId: row.id, userId: user.id });
    expect(await runLongAnalysis({ analysisId: row.id, userId: user.id }, { step, db, cache })).toEqual({ outcome: "ready" });

    const parts = Math.ceil(wordCount(text) / PART_WORDS);
    expect(seen.map((s) => s.step)).toEqual(["segment", ...Array.from({ length: parts }, (_, k) => `score-part-${k + 1}-of-${parts}`), "combine"]);
    expect(seen[0]).toEqual({ step: "segment", status: "running", progress: SEGMENT_SHARE });
    const progress = seen.map((s) => s.progress ?? -1);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThan(progress[k - 1]!);
    expect(seen.at(-1)).toEqual({ step: "combine", status: "ready", progress: 1 });

    const expected = asJson(analyze(text));
    const stored = await getAnalysis({ id: row.id, userId: user.id }, db);
    expect(stored).toMatchObject({ status: "ready", progress: 1, error: null, verdict: expected.verdict, wordCount: expected.words });
    // The column is a 4-byte real; the full value is in the result.
    expect(stored?.aiProbability).toBeCloseTo(expected.aiProbability, 6);
    expect(stored?.result).toEqual(expected);
    expect(await cache.get(analysisCacheKey({ userId: user.id, hash: textHash(text) }))).toEqual(expected);

    // The same text again is answered from the cache in the first step.
    const again = await queued(user.id);
    const second = recordingSteps(db, { analysisId: again.id, userId: user.id });
    expect(await runLongAnalysis({ analysisId: again.id, userId: user.id }, { step: second.step, db, cache })).toEqual({ outcome: "ready-from-cache" });
    expect(second.seen.map((s) => s.step)).toEqual(["segment"]);
    expect((await getAnalysis({ id: again.id, userId: user.id }, db))?.result).toEqual(expected);
  });

  it.skipIf(skip)("stops cleanly when the analysis or its writer is deleted while it runs", async () => {
    const user = await seedUser(db);
    const row = await queued(user.id);
    const deleting = recordingSteps(db, { analysisId: row.id, userId: user.id }, async (id) => {
      if (id === "segment") await db.delete(analyses).where(eq(analyses.id, row.id));
    });
    expect(await runLongAnalysis({ analysisId: row.id, userId: user.id }, { step: deleting.step, db, cache: freshCache() })).toEqual({ outcome: "gone" });
    expect(deleting.seen.map((s) => s.step)).toEqual(["segment", "score-part-1-of-3"]);

    const leaving = await seedUser(db);
    const theirs = await queued(leaving.id);
    const accountDeleted = recordingSteps(db, { analysisId: theirs.id, userId: leaving.id }, async (id) => {
      if (id === "score-part-1-of-3") await db.delete(users).where(eq(users.id, leaving.id));
    });
    expect(await runLongAnalysis({ analysisId: theirs.id, userId: leaving.id }, { step: accountDeleted.step, db, cache: freshCache() })).toEqual({ outcome: "gone" });
    expect(await db.$count(analyses, eq(analyses.userId, leaving.id))).toBe(0);

    // Another writer's id never reaches the row.
    const owner = await seedUser(db);
    const stranger = await seedUser(db);
    const owned = await queued(owner.id);
    const strangerRun = recordingSteps(db, { analysisId: owned.id, userId: stranger.id });
    expect(await runLongAnalysis({ analysisId: owned.id, userId: stranger.id }, { step: strangerRun.step, db, cache: freshCache() })).toEqual({ outcome: "gone" });
    expect(await getAnalysisJobState({ id: owned.id, userId: owner.id }, db)).toMatchObject({ status: "queued", progress: 0 });
    expect(await getAnalysisJobState({ id: owned.id, userId: stranger.id }, db)).toBeNull();
  });

  it.skipIf(skip)("runs as an Inngest function with the same result", async () => {
    const user = await seedUser(db);
    const other = longText(MAX_SYNC_ANALYSIS_WORDS + 100, "Section");
    const row = await queued(user.id, other);
    const t = new InngestTestEngine({ function: createLongAnalysisFunction(createInngestClient({}), { getDb: async () => db, cache: freshCache() }) });
    const { result, error } = await t.execute({ events: [{ name: "penprint/analysis.long-requested", data: { analysisId: row.id, userId: user.id } }] });
    expect(error).toBeUndefined();
    expect(result).toEqual({ outcome: "ready" });
    expect((await getAnalysis({ id: row.id, userId: user.id }, db))?.result).toEqual(asJson(analyze(other)));
    // An event without the writer's id fails its schema and runs nothing.
    const bad = await t.execute({ events: [{ name: "penprint/analysis.long-requested", data: { analysisId: row.id } as never }] });
    expect(bad.error).toMatchObject({ name: "EventValidationError" });
  });

  it.skipIf(skip)("submits short texts in the request and long ones to the in-process job; refuses texts over the limit", async () => {
    const user = await seedUser(db);
    const short = await submitAnalysis({ userId: user.id, text: ESSAY, cache: freshCache(), db });
    expect(short).toMatchObject({ kind: "ready", row: { status: "ready", progress: 1 } });

    const long = await submitAnalysis({ userId: user.id, text, title: "My novel", db });
    expect(long).toMatchObject({ kind: "queued", row: { status: "queued", progress: 0, verdict: null, result: null, title: "My novel", wordCount: wordCount(text) } });
    await whenLongAnalysesIdle();
    const done = await getAnalysis({ id: long.row.id, userId: user.id }, db);
    expect(done).toMatchObject({ status: "ready", progress: 1 });
    expect(done?.result).toEqual(asJson(analyze(text)));

    const tooLong = await submitAnalysis({ userId: user.id, text: longText(MAX_ANALYSIS_WORDS + 1), db }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(tooLong).toBeInstanceOf(AppError);
    expect(tooLong).toMatchObject({ status: 413, code: "text_too_long" });
  }, 60_000);

  it.skipIf(skip)("marks the analysis failed with a message for the writer when the job breaks", async () => {
    const user = await seedUser(db);
    const row = await queued(user.id);
    // The analysis cache's store failing outright (not merely unreachable, which falls back) breaks the job.
    const broken: JsonCache = {
      get: async () => {
        throw new Error("cache store corrupted");
      },
      set: async () => undefined,
      delete: async () => undefined,
      deleteByPrefix: async () => undefined,
    };
    expect(await analyseInProcess({ analysisId: row.id, userId: user.id, db, cache: broken })).toBe("failed");
    expect(await getAnalysisJobState({ id: row.id, userId: user.id }, db)).toMatchObject({ status: "failed", error: LONG_ANALYSIS_FAILED_MESSAGE });
    // A failed analysis is over: a late run does not touch it.
    expect(await analyseInProcess({ analysisId: row.id, userId: user.id, db, cache: freshCache() })).toBe("gone");
  });
});
