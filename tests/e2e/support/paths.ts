import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where browser tests leave what the later steps of `npm test` read (git-ignored). */
export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "test-results");
export const screenshotsDir = path.join(resultsDir, "screenshots");
export const secretsFile = path.join(resultsDir, "secrets-used.txt");
