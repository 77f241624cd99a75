import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { listInvites } from "@/db/queries/invites";
import { listSessions } from "@/db/queries/sessions";
import { listTokensForExport } from "@/db/queries/tokens";
import { getUserById } from "@/db/queries/users";
import { analyses, auditEvents, drafts, fingerprints, writingSamples } from "@/db/schema";

export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything stored about one user, as one JSON document (the password hash and token hashes are
 * secrets, not data about the user: they are left out). Add a section when a table is added.
 */
export async function exportUserData({ userId, db, now = new Date() }: { userId: string; db: Database; now?: Date }) {
  const user = await getUserById({ userId }, db);
  if (!user) return null;
  const [samples, userFingerprints, userAnalyses, userDrafts, events, sessions, invites, tokens] = await Promise.all([
    db.select().from(writingSamples).where(eq(writingSamples.userId, userId)),
    db.select().from(fingerprints).where(eq(fingerprints.userId, userId)),
    db.select().from(analyses).where(eq(analyses.userId, userId)),
    db.select().from(drafts).where(eq(drafts.userId, userId)),
    db.select().from(auditEvents).where(eq(auditEvents.userId, userId)),
    listSessions({ userId, includeEnded: true }, db),
    listInvites({ userId }, db),
    listTokensForExport({ userId }, db),
  ]);
  return {
    format: "penprint-account-export",
    version: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    account: user,
    sessions,
    writingSamples: samples,
    fingerprints: userFingerprints,
    analyses: userAnalyses,
    drafts: userDrafts,
    invitesSent: invites,
    emailTokens: tokens,
    auditEvents: events,
  };
}
