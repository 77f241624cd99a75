import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import type { Database } from "@/db/client";
import { getAnalysis } from "@/db/queries/analyses";
import { deleteSample, listSamples } from "@/db/queries/samples";
import { listFingerprints } from "@/db/queries/fingerprints";
import { createUser } from "@/db/queries/users";
import { ENGINE_VERSION } from "@/lib/analysis";
import { parseFingerprint } from "@/lib/analysis/fingerprint";
import { createCache } from "@/lib/cache";
import { AppError } from "@/lib/errors";
import { buildDocx, buildPdf } from "@/lib/documents/test-files";
import { exportAnalysis } from "./export-analysis";
import { rebuildInProcess } from "./fingerprint-jobs";
import { rebuildFingerprints } from "./rebuild-fingerprints";
import { addSampleFromFile, addSampleFromText, defaultTitle } from "./samples";
import { analysisCacheKey, saveAnalysis, textHash } from "./save-analysis";
import { EMAIL, ESSAY, FICTION } from "./test-texts";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("defaultTitle", () => {
  it("uses the file name without folders or extension, else the first words", () => {
    expect(defaultTitle({ filename: "C:\\docs\\My essay.final.docx", text: "x" })).toBe("My essay.final");
    expect(defaultTitle({ filename: null, text: "One two three four five six seven eight nine ten" })).toBe("One two three four five six seven eight");
  });
});

describe.each(testEngines)("writer's workspace services on $title", ({ skip, create }) => {
  let database: TestDatabase;
  let db: Database;
  let userId: string;

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    db = database.handle.db;
    const u = await createUser({ email: "writer@example.test", passwordHash: "x" }, db);
    if (!u) throw new Error("no user");
    userId = u.user.id;
  });
  afterAll(async () => {
    if (!skip) await database.drop();
  });

  describe.skipIf(skip)("samples and fingerprints", () => {
    it("adds samples of three kinds, refuses a re-upload as a duplicate, and rebuilds one fingerprint per register plus overall", async () => {
      const essay = await addSampleFromFile({ userId, register: "essay", bytes: await buildDocx(ESSAY.split("\n\n")), filename: "bread.docx", db });
      expect(essay).toMatchObject({ title: "bread", sourceType: "docx", register: "essay" });
      const fiction = await addSampleFromFile({ userId, register: "fiction", bytes: buildPdf(FICTION.match(/.{1,90}(\s|$)/g) ?? []), filename: "story.pdf", db });
      expect(fiction.sourceType).toBe("pdf");
      const email = await addSampleFromText({ userId, register: "email", text: EMAIL.replace(/\n/g, "\r\n"), db });
      expect(email).toMatchObject({ sourceType: "paste", title: "Hi Priya, Thanks for sending the draft over" });

      // the same essay pasted with other line breaks is the same sample
      const dup = await refusal(addSampleFromText({ userId, register: "other", text: ESSAY.replace(/\n\n/g, "\n"), db }));
      expect([dup.status, dup.code]).toEqual([409, "duplicate_sample"]);
      const french = await refusal(
        addSampleFromText({ userId, register: "other", text: "Le gardien du phare n'avait parlé à personne depuis onze jours quand le bateau est arrivé. Elle l'a vu d'abord comme une tache contre le gris, puis comme une forme.", db }),
      );
      expect(french.code).toBe("not_english");
      expect(await listSamples({ userId }, db)).toHaveLength(3);

      const counts = await rebuildFingerprints({ userId, db });
      expect(counts).toMatchObject({ samples: 3, scopes: 4 });
      const fps = await listFingerprints({ userId }, db);
      expect(fps.map((f) => f.scope)).toEqual(["email", "essay", "fiction", "overall"]);
      const overall = parseFingerprint(fps.find((f) => f.scope === "overall")?.data);
      expect(overall.samples.map((s) => s.id).sort()).toEqual([email.id, essay.id, fiction.id].sort());
      const parts = fps.filter((f) => f.scope !== "overall").reduce((sum, f) => sum + f.wordCount, 0);
      expect(fps.find((f) => f.scope === "overall")?.wordCount).toBe(parts);
      expect(fps.every((f) => f.status === "ready")).toBe(true);

      // deleting the only email sample removes the email fingerprint (in-process job)
      await deleteSample({ id: email.id, userId }, db);
      await rebuildInProcess({ userId, db });
      expect((await listFingerprints({ userId }, db)).map((f) => f.scope)).toEqual(["essay", "fiction", "overall"]);
    });

    it("coalesces rebuild requests that arrive while one is running", async () => {
      const runs = [rebuildInProcess({ userId, db }), rebuildInProcess({ userId, db }), rebuildInProcess({ userId, db })];
      expect(runs[1]).toBe(runs[0]);
      await Promise.all(runs);
      expect((await listFingerprints({ userId }, db)).every((f) => f.status === "ready")).toBe(true);
    });
  });

  describe.skipIf(skip)("saved analyses", () => {
    it("runs the engine, stores the result exactly, and reuses the cached result for the same text and engine", async () => {
      const cache = createCache({ redis: null, namespace: `test-${Math.random()}` });
      const first = await saveAnalysis({ userId, text: ESSAY, title: "Bread", cache, db });
      expect(first.cached).toBe(false);
      expect(first.row).toMatchObject({ title: "Bread", engineVersion: ENGINE_VERSION, textHash: textHash(ESSAY), saved: true });
      expect(await cache.get(analysisCacheKey({ userId, hash: textHash(ESSAY) }))).toEqual(first.row.result);
      const second = await saveAnalysis({ userId, text: ESSAY, cache, db });
      expect(second.cached).toBe(true);
      expect(second.row.id).not.toBe(first.row.id);
      expect(second.row.result).toEqual(first.row.result);
      const reopened = await getAnalysis({ id: first.row.id, userId }, db);
      expect(reopened?.result).toEqual(first.row.result);

      const empty = await refusal(saveAnalysis({ userId, text: "  \n ", cache, db }));
      expect([empty.status, empty.code]).toEqual([422, "empty_text"]);
    });

    it("exports JSON, CSV with one row per sentence, and Markdown/HTML reports with the method", async () => {
      const { row } = await saveAnalysis({ userId, text: `${ESSAY}\n\n=SUM(A1) is not a formula, "quoted", here.`, title: "Bread <b>", cache: createCache({ redis: null }), db });
      const result = row.result as { sentences: { start: number; end: number }[] };

      const json = JSON.parse(exportAnalysis(row, "json").body) as Record<string, unknown>;
      expect(json).toMatchObject({ id: row.id, verdict: row.verdict, text: row.text });
      expect(json).not.toHaveProperty("userId");

      const csv = exportAnalysis(row, "csv");
      expect(csv.contentType).toMatch(/^text\/csv/);
      const records = csv.body.trimEnd().split("\r\n");
      expect(records[0]).toBe("sentence,start,end,ai_probability,reasons,text");
      expect(records).toHaveLength(result.sentences.length + 1);
      expect(csv.body).toContain(`"'=SUM(A1) is not a formula, ""quoted"", here."`);

      const md = exportAnalysis(row, "md").body;
      expect(md).toContain("## Method");
      expect(md).toMatch(/1 %/);
      expect(md).toContain(`**Verdict:** ${row.verdict}`);
      const html = exportAnalysis(row, "html");
      expect(html.body).toContain("Bread &lt;b&gt;");
      expect(html.body).not.toContain("Bread <b>");
      expect(html.body.match(/<mark /g)).toHaveLength(result.sentences.length);
      expect(html.filename).toBe("Bread-b.html");
    });
  });
});

describe.each(testEngines)("dashboard summary on $title", ({ skip, create }) => {
  it.skipIf(skip)("teaches a new writer, then reports counts and confidence", async () => {
    const { getDashboardSummary } = await import("./dashboard-summary");
    const database = await create();
    try {
      const db = database.handle.db;
      const u = await createUser({ email: "new@example.test", passwordHash: "x" }, db);
      if (!u) throw new Error("no user");
      const fresh = await getDashboardSummary({ userId: u.user.id, db });
      expect(fresh.nextSteps.map((s) => s.id)).toEqual(["add-samples", "first-draft", "first-save"]);
      expect(fresh.fingerprint).toBeNull();

      await addSampleFromText({ userId: u.user.id, register: "essay", text: ESSAY, db });
      await rebuildFingerprints({ userId: u.user.id, db });
      await saveAnalysis({ userId: u.user.id, text: FICTION, cache: createCache({ redis: null }), db });
      const later = await getDashboardSummary({ userId: u.user.id, db });
      expect(later.counts).toMatchObject({ analyses: 1, drafts: 0, samples: 1 });
      expect(later.recentAnalyses).toHaveLength(1);
      expect(later.fingerprint?.level).toBe("low");
      expect(later.nextSteps.map((s) => s.id)).toEqual(["more-samples"]);
    } finally {
      await database.drop();
    }
  });
});
