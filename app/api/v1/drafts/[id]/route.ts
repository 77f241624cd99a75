import { deleteDraft, getDraft, saveDraft } from "@/db/queries/drafts";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { conflict, notFound } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";
import { draftDto } from "@/lib/workspace/dto";
import { json } from "@/lib/workspace/http";
import { DRAFT_BODY_BYTES } from "../schema";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";
import { draftParamsSchema, draftSaveSchema } from "./schema";

export const dynamic = "force-dynamic";

export const GET = route({ params: draftParamsSchema }, async ({ params }) => {
  const user = await requireUser();
  const draft = await getDraft({ id: params.id, userId: user.id });
  if (!draft) throw notFound("This draft does not exist.");
  return json({ draft: draftDto(draft) });
});

/**
 * Autosave. The body names the version it edited; if another tab or device saved since, the
 * answer is 409 with the stored version in `fields.version`, and nothing is overwritten.
 */
export const PUT = route({ params: draftParamsSchema, body: draftSaveSchema, maxBodyBytes: DRAFT_BODY_BYTES }, async ({ params, body }) => {
  const user = await requireUser({ verified: true });
  await enforceWorkspaceLimit({ action: "draft-save", userId: user.id });
  const result = await saveDraft({ id: params.id, userId: user.id, ...body });
  if (result.status === "not_found") throw notFound("This draft does not exist.");
  if (result.status === "conflict") {
    throw conflict("draft_version_conflict", "This draft was changed in another tab or device since the version you edited. Fetch the current draft, merge your changes into it and save again with its version (the editor does this for you).", {
      version: String(result.current.version),
    });
  }
  setAuditAction({ action: "draft.save", targetType: "draft", targetId: params.id });
  return json({ draft: draftDto(result.draft) });
});

export const DELETE = route({ params: draftParamsSchema }, async ({ params }) => {
  const user = await requireUser({ verified: true });
  if (!(await deleteDraft({ id: params.id, userId: user.id }))) throw notFound("This draft does not exist.");
  setAuditAction({ action: "draft.delete", targetType: "draft", targetId: params.id });
  return new Response(null, { status: 204 });
});
