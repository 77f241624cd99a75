import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import { AppError } from "@/lib/errors";
import type { Database } from "../client";
import { countSavedAnalyses, createAnalysis, deleteAnalysis, getAnalysis, listAnalyses } from "./analyses";
import { countDrafts, createDraft, deleteDraft, getDraft, listDrafts, saveDraft } from "./drafts";
import { deleteFingerprintsExcept, getFingerprint, listFingerprints, setFingerprintsStatus, upsertFingerprint } from "./fingerprints";
import { createSample, deleteSample, getSample, getSampleTotals, listSampleTexts, listSamples, updateSample } from "./samples";
import { createUser } from "./users";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const sample = (userId: string, n: number, words = 100) => ({
  userId,
  title: `Sample ${n}`,
  register: "essay" as const,
  text: `Text number ${n}. `.repeat(words / 3),
  wordCount: words,
  contentHash: `hash-${n}`,
  sourceFilename: `s${n}.txt`,
  sourceType: "txt",
});

describe.each(testEngines)("workspace query layer on $title", ({ skip, create }) => {
  let database: TestDatabase;
  let db: Database;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    db = database.handle.db;
    const a = await createUser({ email: "alice@example.test", passwordHash: "x" }, db);
    const b = await createUser({ email: "bob@example.test", passwordHash: "x" }, db);
    if (!a || !b) throw new Error("users not created");
    alice = a.user.id;
    bob = b.user.id;
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  describe.skipIf(skip)("samples", () => {
    it("stores, lists with a preview, renames, re-registers and deletes, scoped to the owner", async () => {
      const s = await createSample(sample(alice, 1), db);
      const [listed] = await listSamples({ userId: alice }, db);
      expect(listed).toMatchObject({ id: s.id, title: "Sample 1", register: "essay", wordCount: 100 });
      expect(listed?.preview.length).toBeLessThanOrEqual(280);
      expect(listed).not.toHaveProperty("text");

      expect(await getSample({ id: s.id, userId: bob }, db)).toBeNull();
      expect(await updateSample({ id: s.id, userId: bob, title: "stolen" }, db)).toBeNull();
      expect(await deleteSample({ id: s.id, userId: bob }, db)).toBe(false);
      expect(await listSamples({ userId: bob }, db)).toEqual([]);

      const renamed = await updateSample({ id: s.id, userId: alice, title: "My essay", register: "academic" }, db);
      expect(renamed).toMatchObject({ title: "My essay", register: "academic" });
      expect((await getSample({ id: s.id, userId: alice }, db))?.text).toBe(s.text);
      expect(await deleteSample({ id: s.id, userId: alice }, db)).toBe(true);
      expect(await getSample({ id: s.id, userId: alice }, db)).toBeNull();
    });

    it("refuses a duplicate of the same writer (409) but not of another writer", async () => {
      await createSample(sample(alice, 2), db);
      const dup = await refusal(createSample({ ...sample(alice, 2), title: "again" }, db));
      expect([dup.status, dup.code]).toEqual([409, "duplicate_sample"]);
      await expect(createSample(sample(bob, 2), db)).resolves.toMatchObject({ userId: bob });
    });

    it("refuses duplicates racing each other: exactly one of them is stored", async () => {
      const results = await Promise.allSettled([createSample(sample(alice, 30), db), createSample(sample(alice, 30), db)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect((rejected as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: "duplicate_sample" });
    });

    it("enforces the per-writer total word limit (413), counting only that writer", async () => {
      const before = (await getSampleTotals({ userId: bob }, db)).words;
      const limit = before + 250;
      await createSample({ ...sample(bob, 10, 150), wordsLimit: limit }, db);
      const over = await refusal(createSample({ ...sample(bob, 11, 150), wordsLimit: limit }, db));
      expect([over.status, over.code]).toEqual([413, "sample_words_limit"]);
      // exactly reaching the limit is fine
      await createSample({ ...sample(bob, 12, 100), wordsLimit: limit }, db);
      const totals = await getSampleTotals({ userId: bob }, db);
      expect(totals.words).toBe(limit);
      expect(totals.byRegister.essay).toBe(limit);
      expect((await listSampleTexts({ userId: bob }, db)).every((s) => typeof s.text === "string")).toBe(true);
    });
  });

  describe.skipIf(skip)("drafts", () => {
    it("saves with optimistic concurrency: a stale version is a conflict with the current draft", async () => {
      const d = await createDraft({ userId: alice, title: "Letter" }, db);
      expect(d.version).toBe(1);
      const first = await saveDraft({ id: d.id, userId: alice, version: 1, text: "Dear Sam," }, db);
      expect(first).toMatchObject({ status: "saved", draft: { version: 2, text: "Dear Sam," } });
      // a second device still holding version 1
      const stale = await saveDraft({ id: d.id, userId: alice, version: 1, text: "Hi Sam" }, db);
      expect(stale).toMatchObject({ status: "conflict", current: { version: 2, text: "Dear Sam," } });
      const next = await saveDraft({ id: d.id, userId: alice, version: 2, text: "Dear Sam, thanks." }, db);
      expect(next).toMatchObject({ status: "saved", draft: { version: 3 } });
      expect((await getDraft({ id: d.id, userId: alice }, db))?.text).toBe("Dear Sam, thanks.");
    });

    it("concurrent saves of the same version: one wins, one conflicts", async () => {
      const d = await createDraft({ userId: alice }, db);
      const results = await Promise.all([
        saveDraft({ id: d.id, userId: alice, version: 1, text: "A" }, db),
        saveDraft({ id: d.id, userId: alice, version: 1, text: "B" }, db),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["conflict", "saved"]);
    });

    it("another writer's draft is not found, never saved or deleted", async () => {
      const d = await createDraft({ userId: alice, text: "private" }, db);
      expect(await saveDraft({ id: d.id, userId: bob, version: 1, text: "x" }, db)).toEqual({ status: "not_found" });
      expect(await getDraft({ id: d.id, userId: bob }, db)).toBeNull();
      expect(await deleteDraft({ id: d.id, userId: bob }, db)).toBe(false);
      expect((await listDrafts({ userId: bob }, db)).map((x) => x.id)).not.toContain(d.id);
      expect(await deleteDraft({ id: d.id, userId: alice }, db)).toBe(true);
      expect(await countDrafts({ userId: alice }, db)).toBe(2);
    });
  });

  describe.skipIf(skip)("analyses", () => {
    const base = (userId: string, n: number, verdict: string, p: number) => ({
      userId,
      title: `Essay ${n}`,
      text: `Body ${n} about 100% of the harbour`,
      textHash: `h${n}`,
      engineVersion: "1",
      verdict,
      aiProbability: p,
      wordCount: 5,
      result: { verdict, sentences: [{ start: 0, end: 4, aiProbability: p }] },
      saved: true,
    });

    it("stores results exactly and lists with search and filters, owner only", async () => {
      const a1 = await createAnalysis(base(alice, 1, "human", 0.1), db);
      await createAnalysis(base(alice, 2, "ai", 0.95), db);
      await createAnalysis(base(alice, 3, "uncertain", 0.5), db);
      await createAnalysis({ ...base(alice, 4, "ai", 0.9), saved: false }, db);
      await createAnalysis(base(bob, 5, "ai", 0.99), db);

      expect((await getAnalysis({ id: a1.id, userId: alice }, db))?.result).toEqual(base(alice, 1, "human", 0.1).result);
      expect(await getAnalysis({ id: a1.id, userId: bob }, db)).toBeNull();

      const all = await listAnalyses({ userId: alice }, db);
      expect(all.total).toBe(3); // the unsaved run is not history
      expect(all.items.map((i) => i.title)).toEqual(["Essay 3", "Essay 2", "Essay 1"]);
      expect((await listAnalyses({ userId: alice, verdicts: ["ai"] }, db)).items.map((i) => i.title)).toEqual(["Essay 2"]);
      expect((await listAnalyses({ userId: alice, minProbability: 0.4, maxProbability: 0.6 }, db)).total).toBe(1);
      expect((await listAnalyses({ userId: alice, search: "essay 1" }, db)).items.map((i) => i.title)).toEqual(["Essay 1"]);
      // LIKE wildcards are literal
      expect((await listAnalyses({ userId: alice, search: "100%" }, db)).total).toBe(3);
      expect((await listAnalyses({ userId: alice, search: "x%y" }, db)).total).toBe(0);
      expect((await listAnalyses({ userId: alice, search: "f_t" }, db)).total).toBe(0);
      const future = new Date(Date.now() + 60_000);
      expect((await listAnalyses({ userId: alice, from: future }, db)).total).toBe(0);
      expect((await listAnalyses({ userId: alice, to: future }, db)).total).toBe(3);
      expect(await countSavedAnalyses({ userId: alice }, db)).toBe(3);

      expect(await deleteAnalysis({ id: a1.id, userId: bob }, db)).toBe(false);
      expect(await deleteAnalysis({ id: a1.id, userId: alice }, db)).toBe(true);
      expect((await listAnalyses({ userId: alice }, db)).total).toBe(2);
    });
  });

  describe.skipIf(skip)("fingerprints", () => {
    it("upserts one row per scope, marks status and prunes scopes without samples", async () => {
      await upsertFingerprint({ userId: alice, scope: "overall", schemaVersion: 1, wordCount: 10, data: { a: 1 } }, db);
      await upsertFingerprint({ userId: alice, scope: "email", schemaVersion: 1, wordCount: 4, data: { a: 2 } }, db);
      const updated = await upsertFingerprint({ userId: alice, scope: "overall", schemaVersion: 1, wordCount: 20, data: { a: 3 } }, db);
      expect(updated).toMatchObject({ wordCount: 20, data: { a: 3 }, status: "ready" });
      expect((await listFingerprints({ userId: alice }, db)).map((f) => f.scope)).toEqual(["email", "overall"]);
      expect(await listFingerprints({ userId: bob }, db)).toEqual([]);
      expect(await getFingerprint({ userId: bob, scope: "overall" }, db)).toBeNull();

      await setFingerprintsStatus({ userId: alice, status: "building" }, db);
      expect((await getFingerprint({ userId: alice, scope: "email" }, db))?.status).toBe("building");
      expect(await deleteFingerprintsExcept({ userId: alice, keep: ["overall"] }, db)).toBe(1);
      expect((await listFingerprints({ userId: alice }, db)).map((f) => f.scope)).toEqual(["overall"]);
      expect(await deleteFingerprintsExcept({ userId: alice, keep: [] }, db)).toBe(1);
    });
  });
});
