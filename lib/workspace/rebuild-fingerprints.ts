import type { Database } from "@/db/client";
import { deleteFingerprintsExcept, setFingerprintsStatus, upsertFingerprint } from "@/db/queries/fingerprints";
import { listSampleTexts } from "@/db/queries/samples";
import { buildFingerprint, FINGERPRINT_SCHEMA_VERSION, type Register } from "@/lib/analysis/fingerprint";

export const OVERALL_SCOPE = "overall";

export interface RebuildCounts extends Record<string, number> {
  samples: number;
  scopes: number;
  words: number;
}

/**
 * Rebuilds a writer's fingerprints from their samples: one per register that has samples and one
 * overall; fingerprints of registers left without samples are removed. Idempotent, so a repeated or
 * retried run is harmless. `onProgress` gets the share of scopes done, for the progress display.
 */
export async function rebuildFingerprints(
  { userId, db, onProgress }: { userId: string; db: Database; onProgress?: (done: number, total: number) => void },
): Promise<RebuildCounts> {
  await setFingerprintsStatus({ userId, status: "building" }, db);
  const samples = await listSampleTexts({ userId }, db);
  const byRegister = new Map<Register, typeof samples>();
  for (const s of samples) byRegister.set(s.register, [...(byRegister.get(s.register) ?? []), s]);

  const scopes: { scope: string; register?: Register; items: typeof samples }[] = [
    ...[...byRegister.entries()].map(([register, items]) => ({ scope: register, register, items })),
    ...(samples.length > 0 ? [{ scope: OVERALL_SCOPE, items: samples }] : []),
  ];
  let words = 0;
  for (const [i, { scope, register, items }] of scopes.entries()) {
    const fp = buildFingerprint(
      items.map((s) => ({ id: s.id, text: s.text, register: s.register })),
      register ? { register } : {},
    );
    if (scope === OVERALL_SCOPE) words = fp.totals.words;
    await upsertFingerprint(
      { userId, scope, schemaVersion: FINGERPRINT_SCHEMA_VERSION, wordCount: fp.totals.words, data: fp, status: "ready" },
      db,
    );
    onProgress?.(i + 1, scopes.length);
  }
  await deleteFingerprintsExcept({ userId, keep: scopes.map((s) => s.scope) }, db);
  return { samples: samples.length, scopes: scopes.length, words };
}
