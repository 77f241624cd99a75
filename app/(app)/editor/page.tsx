import type { Metadata } from "next";
import { Container } from "@/components/container";
import { getDraft, listDrafts } from "@/db/queries/drafts";
import { listFingerprints } from "@/db/queries/fingerprints";
import { requirePageUser } from "@/lib/auth/require-user";
import { parseFingerprint, type Fingerprint } from "@/lib/analysis/fingerprint";
import { draftDto } from "@/lib/workspace/dto";
import styles from "../workspace.module.css";
import { Editor } from "./editor";

export const metadata: Metadata = { title: "Editor" };
export const dynamic = "force-dynamic";

export default async function EditorPage({ searchParams }: { searchParams: Promise<{ draft?: string | string[] }> }) {
  const user = await requirePageUser("/editor");
  const { draft: wanted } = await searchParams;
  const id = typeof wanted === "string" && /^[0-9a-f-]{36}$/i.test(wanted) ? wanted : undefined;
  // The draft named in the address, else the one edited last: a reload or another device picks up where you were.
  const latest = id ? null : (await listDrafts({ userId: user.id, limit: 1 }))[0];
  const draftId = id ?? latest?.id;
  const draft = draftId ? await getDraft({ id: draftId, userId: user.id }) : null;
  const rows = await listFingerprints({ userId: user.id });
  // Only the totals are needed to compare; the per-sample parts stay on the server.
  const fingerprints: Record<string, Fingerprint> = {};
  for (const row of rows) {
    try {
      const fp = parseFingerprint(row.data);
      fingerprints[row.scope] = { ...fp, samples: [] };
    } catch {
      // a fingerprint of an older schema is skipped until its rebuild
    }
  }
  return (
    <Container className={styles.page}>
      <h1 className={styles.heading}>Editor</h1>
      <Editor initialDraft={draft ? draftDto(draft) : null} fingerprints={fingerprints} canSave={user.emailVerified} />
    </Container>
  );
}
