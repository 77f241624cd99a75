import { getDb, type Database } from "@/db/client";
import { rebuildFingerprints } from "@/lib/workspace/rebuild-fingerprints";
import type { InngestClient } from "../client";
import { samplesChanged } from "../events";

/** Rebuilds a writer's fingerprints after their samples changed (in-process twin: lib/workspace/fingerprint-jobs.ts). */
export function createFingerprintRebuildFunction(client: InngestClient, deps: { getDb?: () => Promise<Database> } = {}) {
  return client.createFunction(
    {
      id: "rebuild-fingerprints",
      name: "Rebuild a writer's fingerprints",
      triggers: [{ event: samplesChanged }],
      // One run per writer; a burst of uploads ends in one rebuild over the latest samples.
      concurrency: { key: "event.data.userId", limit: 1 },
      debounce: { key: "event.data.userId", period: "2s" },
      retries: 2,
    },
    async ({ event, step }) =>
      step.run("rebuild", async () => rebuildFingerprints({ userId: event.data.userId, db: await (deps.getDb ?? getDb)() })),
  );
}
