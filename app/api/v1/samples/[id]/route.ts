import { deleteSample, getSample, updateSample } from "@/db/queries/samples";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { notFound } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";
import { sampleDto } from "@/lib/workspace/dto";
import { requestFingerprintRebuild } from "@/lib/workspace/fingerprint-jobs";
import { json } from "@/lib/workspace/http";
import { sampleParamsSchema, sampleUpdateSchema } from "./schema";

export const dynamic = "force-dynamic";

const PREVIEW_CHARS = 50_000;

/** One sample with its text (the first 50,000 characters) for the preview. */
export const GET = route({ params: sampleParamsSchema }, async ({ params }) => {
  const user = await requireUser();
  const sample = await getSample({ id: params.id, userId: user.id });
  if (!sample) throw notFound("This sample does not exist.");
  return json({
    sample: { ...sampleDto(sample), text: sample.text.slice(0, PREVIEW_CHARS), truncated: sample.text.length > PREVIEW_CHARS },
  });
});

/** Rename, or move to another register (which changes the fingerprints). */
export const PATCH = route({ params: sampleParamsSchema, body: sampleUpdateSchema }, async ({ params, body }) => {
  const user = await requireUser({ verified: true });
  const updated = await updateSample({ id: params.id, userId: user.id, ...body });
  if (!updated) throw notFound("This sample does not exist.");
  setAuditAction({ action: "sample.update", targetType: "writing_sample", targetId: params.id });
  if (body.register !== undefined) await requestFingerprintRebuild({ userId: user.id });
  return json({ sample: sampleDto(updated) });
});

export const DELETE = route({ params: sampleParamsSchema }, async ({ params }) => {
  const user = await requireUser({ verified: true });
  if (!(await deleteSample({ id: params.id, userId: user.id }))) throw notFound("This sample does not exist.");
  setAuditAction({ action: "sample.delete", targetType: "writing_sample", targetId: params.id });
  await requestFingerprintRebuild({ userId: user.id });
  return new Response(null, { status: 204 });
});
