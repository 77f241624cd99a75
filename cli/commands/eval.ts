// penprint eval [--corpora DIR] [--out FILE] : the evaluation of scripts/eval.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import { runEvaluation } from "../../scripts/eval";
import { UsageError } from "../read-inputs";

export const usage = "penprint eval [--corpora DIR] [--out FILE.md]";

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { corpora: { type: "string" }, out: { type: "string" } }, allowPositionals: false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const corporaDir = path.resolve(parsed.values.corpora ?? path.join(process.cwd(), "..", "shared", "corpora"));
  const r = await runEvaluation({ corporaDir, outFile: parsed.values.out ? path.resolve(parsed.values.out) : undefined });
  process.stdout.write(r.table + "\n");
  return 0;
}
