import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { extractDocument, fileTooLarge, MAX_DOCUMENT_BYTES, readBodyLimited } from "@/lib/documents";
import { enforceWorkspaceLimit } from "@/lib/workspace/rate-limits";
import { cleanFilename, json, refuseMultipart } from "@/lib/workspace/http";
import { documentQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** Text out of a file for the editor (same formats and limits as samples); nothing is stored. */
export const POST = route({ query: documentQuerySchema }, async ({ request, query }) => {
  const user = await requireUser();
  await enforceWorkspaceLimit({ action: "upload", userId: user.id });
  refuseMultipart(request.headers.get("content-type") ?? "");
  const bytes = await readBodyLimited({
    body: request.body,
    maxBytes: MAX_DOCUMENT_BYTES,
    declaredLength: request.headers.get("content-length"),
    tooLarge: fileTooLarge,
  });
  const filename = cleanFilename(query.filename ?? request.headers.get("x-filename"));
  const doc = await extractDocument({ bytes, ...(filename ? { filename } : {}) });
  return json({ document: { ...doc, filename } });
});
