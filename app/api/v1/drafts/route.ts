import { createDraft, listDrafts } from "@/db/queries/drafts";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { setAuditAction } from "@/lib/server/request-context";
import { draftDto } from "@/lib/workspace/dto";
import { json } from "@/lib/workspace/http";
import { DRAFT_BODY_BYTES, draftCreateSchema } from "./schema";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => {
  const user = await requireUser();
  const drafts = await listDrafts({ userId: user.id });
  return json({
    drafts: drafts.map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString() })),
  });
});

export const POST = route({ body: draftCreateSchema, maxBodyBytes: DRAFT_BODY_BYTES }, async ({ body }) => {
  const user = await requireUser({ verified: true });
  const draft = await createDraft({ userId: user.id, text: body.text, ...(body.title ? { title: body.title } : {}) });
  setAuditAction({ action: "draft.create", targetType: "draft", targetId: draft.id });
  return json({ draft: draftDto(draft) }, 201);
});
