import type { JobDefinition } from "../job";
import { cleanupExpiredAuthJob } from "./cleanup-expired-auth";
import { purgeUnsavedAnalysesJob } from "./purge-unsaved-analyses";

/**
 * Every scheduled job: served to Inngest when it is configured, run in-process otherwise.
 * Kept free of the Inngest SDK, so the in-process scheduler does not load it (about 23 MB).
 */
export const jobs: JobDefinition[] = [cleanupExpiredAuthJob, purgeUnsavedAnalysesJob];
