import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/tests/helpers/databases";
import type { Database } from "../client";
import { createDraft, getDraft, saveDraft } from "./drafts";
import { createUser } from "./users";

// What the editor's merge relies on: a stale save is refused with the stored draft to merge
// against, and neither reading nor saving reaches another writer's draft.
describe.each(testEngines)("drafts on $title", ({ skip, create }) => {
  let database: TestDatabase;
  let db: Database;
  let writer: string;
  let other: string;

  beforeAll(async () => {
    if (skip) return;
    database = await create();
    db = database.handle.db;
    const a = await createUser({ email: "writer@example.test", passwordHash: "x" }, db);
    const b = await createUser({ email: "other@example.test", passwordHash: "x" }, db);
    if (!a || !b) throw new Error("no user");
    writer = a.user.id;
    other = b.user.id;
  });

  afterAll(async () => {
    if (!skip) await database.drop();
  });

  it.skipIf(skip)("refuses a save from a stale version and answers with the stored draft", async () => {
    const draft = await createDraft({ userId: writer, title: "Harbour", text: "The harbour was quiet." }, db);
    const first = await saveDraft({ id: draft.id, userId: writer, version: draft.version, text: "The harbour was still." }, db);
    expect(first).toMatchObject({ status: "saved", draft: { version: draft.version + 1, text: "The harbour was still." } });
    const stale = await saveDraft({ id: draft.id, userId: writer, version: draft.version, text: "The harbour was calm." }, db);
    expect(stale).toMatchObject({ status: "conflict", current: { version: draft.version + 1, text: "The harbour was still.", title: "Harbour" } });
    const merged = await saveDraft({ id: draft.id, userId: writer, version: draft.version + 1, text: "The harbour was calm and still." }, db);
    expect(merged).toMatchObject({ status: "saved", draft: { version: draft.version + 2 } });
  });

  it.skipIf(skip)("never reads or saves another writer's draft", async () => {
    const draft = await createDraft({ userId: writer, text: "Mine alone." }, db);
    expect(await getDraft({ id: draft.id, userId: other }, db)).toBeNull();
    expect(await saveDraft({ id: draft.id, userId: other, version: draft.version, text: "Overwritten" }, db)).toEqual({ status: "not_found" });
    // Even naming a stale version does not reveal it through a conflict.
    expect(await saveDraft({ id: draft.id, userId: other, version: draft.version + 5, text: "Overwritten" }, db)).toEqual({ status: "not_found" });
    expect(await getDraft({ id: draft.id, userId: writer }, db)).toMatchObject({ text: "Mine alone.", version: draft.version });
  });
});
