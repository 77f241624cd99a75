import { deleteExpiredAuthRecords, type ExpiredAuthRecordCounts } from "@/db/queries/maintenance";
import type { JobDefinition } from "../job";

/** Hourly: expired verification/reset tokens and ended sessions are deleted. */
export const cleanupExpiredAuthJob: JobDefinition<{ [K in keyof ExpiredAuthRecordCounts]: number }> = {
  id: "cleanup-expired-auth",
  name: "Delete expired tokens and sessions",
  cron: "0 * * * *",
  timezone: "UTC",
  run: ({ now, db }) => deleteExpiredAuthRecords({ now, db }),
};
