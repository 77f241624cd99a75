import { listFingerprints } from "@/db/queries/fingerprints";
import { getSampleTotals } from "@/db/queries/samples";
import { route } from "@/lib/api/route-handler";
import { requireUser } from "@/lib/auth/require-user";
import { json } from "@/lib/workspace/http";
import { fingerprintSummaries } from "@/lib/workspace/fingerprint-summary";
import { getRebuildProgress } from "@/lib/workspace/fingerprint-jobs";

export const dynamic = "force-dynamic";

/** The writer's fingerprints (confidence, words, what would raise it) and the rebuild's progress. */
export const GET = route({}, async () => {
  const user = await requireUser();
  const [rows, totals] = await Promise.all([listFingerprints({ userId: user.id }), getSampleTotals({ userId: user.id })]);
  const progress = getRebuildProgress(user.id);
  return json({ ...fingerprintSummaries({ rows, totals }), rebuild: progress });
});
