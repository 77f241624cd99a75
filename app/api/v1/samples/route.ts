import { listSamples, getSampleTotals } from "@/db/queries/samples";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { fileTooLarge, MAX_DOCUMENT_BYTES, readBodyLimited } from "@/lib/documents";
import { getEnv } from "@/lib/env";
import { fromZodError } from "@/lib/errors";
import { setAuditAction } from "@/lib/server/request-context";
import { sampleDto } from "@/lib/workspace/dto";
import { requestFingerprintRebuild } from "@/lib/workspace/fingerprint-jobs";
import { cleanFilename, json, JSON_CONTENT_TYPE, parseJsonBytes, refuseMultipart } from "@/lib/workspace/http";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";
import { addSampleFromFile, addSampleFromText } from "@/lib/workspace/samples";
import { pasteBodySchema, uploadQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** The writer's samples (without their text) and how many words they hold against the limit. */
export const GET = route({}, async () => {
  const user = await requireUser();
  const [samples, totals] = await Promise.all([listSamples({ userId: user.id }), getSampleTotals({ userId: user.id })]);
  return json({ samples: samples.map(sampleDto), totals: { ...totals, wordsLimit: getEnv().SAMPLE_WORDS_LIMIT } });
});

/**
 * Adds a sample: either the raw bytes of one file (type judged from the content; the name and
 * register in the query), streamed with a 10 MB cap, or JSON `{ text, register, title }` for pasted text.
 */
export const POST = route({ query: uploadQuerySchema }, async ({ request, query }) => {
  const user = await requireUser({ verified: true });
  await enforceWorkspaceLimit({ action: "upload", userId: user.id });
  const contentType = request.headers.get("content-type") ?? "";
  refuseMultipart(contentType);
  const bytes = await readBodyLimited({
    body: request.body,
    maxBytes: MAX_DOCUMENT_BYTES,
    declaredLength: request.headers.get("content-length"),
    tooLarge: fileTooLarge,
  });
  let sample;
  if (JSON_CONTENT_TYPE.test(contentType)) {
    const parsed = pasteBodySchema.safeParse(parseJsonBytes(bytes));
    if (!parsed.success) throw fromZodError(parsed.error);
    sample = await addSampleFromText({ userId: user.id, wordsLimit: getEnv().SAMPLE_WORDS_LIMIT, ...parsed.data });
  } else {
    const filename = cleanFilename(query.filename ?? request.headers.get("x-filename"));
    sample = await addSampleFromFile({
      userId: user.id,
      register: query.register,
      title: query.title,
      bytes,
      filename,
      wordsLimit: getEnv().SAMPLE_WORDS_LIMIT,
    });
  }
  setAuditAction({ action: "sample.create", targetType: "writing_sample", targetId: sample.id });
  await requestFingerprintRebuild({ userId: user.id });
  return json({ sample: sampleDto(sample) }, 201);
});
