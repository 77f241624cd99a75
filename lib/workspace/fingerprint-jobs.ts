import { getDb, type Database } from "@/db/client";
import { isInngestConfigured, getInngest } from "@/inngest/client";
import { samplesChanged } from "@/inngest/events";
import { logger } from "@/lib/logger";
import { rebuildFingerprints } from "./rebuild-fingerprints";

/**
 * The fingerprint rebuild after a sample change. With Inngest configured the change sends an event
 * (ids only, never text) handled by `inngest/functions/rebuild-fingerprints.ts`; without it, the same
 * `rebuildFingerprints` runs in this process, one run per writer at a time, coalescing changes
 * that arrive while a run is going.
 */
export type RebuildState = { state: "queued" | "building"; done: number; total: number };

interface InProcessRebuilds {
  running: Map<string, Promise<void>>;
  again: Set<string>;
  progress: Map<string, RebuildState>;
}

const holder = globalThis as unknown as { __penprintFingerprintRebuilds?: InProcessRebuilds };
const rebuilds = (holder.__penprintFingerprintRebuilds ??= { running: new Map(), again: new Set(), progress: new Map() });

/** Progress of an in-process rebuild for this writer, or null when none is pending. */
export function getRebuildProgress(userId: string): RebuildState | null {
  return rebuilds.progress.get(userId) ?? null;
}

/** Runs the rebuild in this process; resolves when the writer's fingerprints are current. */
export function rebuildInProcess({ userId, db }: { userId: string; db?: Database }): Promise<void> {
  const current = rebuilds.running.get(userId);
  if (current) {
    rebuilds.again.add(userId);
    return current;
  }
  rebuilds.progress.set(userId, { state: "queued", done: 0, total: 0 });
  const run = (async () => {
    try {
      do {
        rebuilds.again.delete(userId);
        await rebuildFingerprints({
          userId,
          db: db ?? (await getDb()),
          onProgress: (done, total) => rebuilds.progress.set(userId, { state: "building", done, total }),
        });
      } while (rebuilds.again.has(userId));
    } catch (error) {
      logger.error({ err: error, userId }, "fingerprint rebuild failed");
      throw error;
    } finally {
      rebuilds.running.delete(userId);
      rebuilds.progress.delete(userId);
    }
  })();
  rebuilds.running.set(userId, run);
  return run;
}

/** Call after any sample change. Never throws: a failed rebuild is logged and retried on the next change. */
export async function requestFingerprintRebuild({ userId }: { userId: string }): Promise<void> {
  try {
    if (isInngestConfigured()) {
      await getInngest().send(samplesChanged.create({ userId }));
      return;
    }
    void rebuildInProcess({ userId }).catch(() => undefined);
  } catch (error) {
    logger.error({ err: error, userId }, "could not request a fingerprint rebuild");
  }
}
