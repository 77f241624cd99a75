// penprint compare --fingerprint FP.json [--register R] [--json] FILE... : is each text by
// the fingerprint's writer, and where does it depart from their habits?
import { parseArgs } from "node:util";
import { compareText, type CompareResult, type Deviation } from "../../lib/analysis/index";
import { isError, readInputs, reportErrors, UsageError } from "../read-inputs";
import { loadFingerprint, parseRegister } from "./fingerprint";

export const usage = "penprint compare --fingerprint FP.json [--register R] [--json] FILE... (use - for stdin)";

const deviationJson = (d: Deviation) => ({ feature: d.feature, description: d.description, value: d.value, norm: d.norm, direction: d.direction });

export function compareJson(file: string, r: CompareResult) {
  return { file, matchProbability: r.matchProbability, verdict: r.verdict, deviations: r.deviations.map(deviationJson) };
}

const BECAUSE: Record<string, string> = {
  "short-text": "too few words to judge",
  "small-fingerprint": "the fingerprint has too few words behind it",
  "register-mismatch": "the text is in another register than the fingerprint",
  inconclusive: "the evidence points neither way",
};

function human(file: string, r: CompareResult): string {
  const lines = [`${file}: ${r.verdict} — ${(r.matchProbability * 100).toFixed(0)} % likely by the same writer (${r.words} words)`];
  if (r.uncertainBecause) lines.push(`  uncertain: ${BECAUSE[r.uncertainBecause] ?? r.uncertainBecause}`);
  for (const d of r.deviations) lines.push(`  - ${d.description}`);
  return lines.join("\n");
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { fingerprint: { type: "string" }, register: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const register = parseRegister(parsed.values.register);
  if (!parsed.values.fingerprint) throw new UsageError("--fingerprint FP.json is required");
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("no input files");
  const fp = await loadFingerprint(parsed.values.fingerprint);
  const inputs = await readInputs(files);
  reportErrors(inputs);
  const results = inputs.map((x) => (isError(x) ? x : { file: x.file, result: compareText(x.text, fp, { register }) }));
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify(results.map((r) => ("result" in r ? compareJson(r.file, r.result) : r))) + "\n");
  } else {
    for (const r of results) process.stdout.write(("result" in r ? human(r.file, r.result) : `${r.file}: error: ${r.error.message}`) + "\n\n");
  }
  return inputs.some(isError) ? 1 : 0;
}
