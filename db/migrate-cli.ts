import { getEnv } from "@/lib/env";
import { applyMigrationsAndClose } from "./migrate";

// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded PGlite when unset.
// Stop the app first in embedded mode: one process at a time may open a PGlite folder.
async function main() {
  const env = getEnv();
  await applyMigrationsAndClose();
  console.log(`Migrations applied (${env.mode === "embedded" ? `PGlite in ${env.dataDir}` : "DATABASE_URL"}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
