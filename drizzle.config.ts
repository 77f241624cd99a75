import { defineConfig } from "drizzle-kit";

// Generates SQL migrations from db/schema.ts. Applied by db/migrate.ts at start and by `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
