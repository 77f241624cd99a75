// penprint attribute [--json] [--register R] --candidate NAME=PATH ... FILE... : which of the
// candidates wrote each text, or none. PATH is a fingerprint JSON file or a folder of the
// candidate's .txt samples.
import { stat, readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { attributeText, buildFingerprint, type AttributionResult, type Candidate, type Fingerprint } from "../../lib/analysis/index";
import { isError, readInputs, reportErrors, UsageError } from "../read-inputs";
import { loadFingerprint, parseRegister } from "./fingerprint";

export const usage = "penprint attribute [--json] [--register R] --candidate NAME=PATH ... FILE... (PATH: fingerprint JSON or folder of .txt)";

async function candidateFingerprint(name: string, p: string): Promise<Fingerprint> {
  let isDir: boolean;
  try {
    isDir = (await stat(p)).isDirectory();
  } catch {
    throw new UsageError(`candidate ${name}: ${p} does not exist`);
  }
  if (!isDir) return loadFingerprint(p);
  const files = (await readdir(p)).filter((f) => f.toLowerCase().endsWith(".txt")).sort().map((f) => path.join(p, f));
  const inputs = await readInputs(files);
  reportErrors(inputs);
  const samples = inputs.filter((x) => !isError(x)).map((x) => ({ id: path.basename(x.file), text: "text" in x ? x.text : "" }));
  if (samples.length === 0) throw new UsageError(`candidate ${name}: no readable .txt files in ${p}`);
  return buildFingerprint(samples);
}

export async function parseCandidates(specs: readonly string[]): Promise<Candidate[]> {
  if (specs.length === 0) throw new UsageError("at least one --candidate NAME=PATH is required");
  const out: Candidate[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf("=");
    const name = eq > 0 ? spec.slice(0, eq) : "";
    const p = eq > 0 ? spec.slice(eq + 1) : "";
    if (!name || !p) throw new UsageError(`--candidate wants NAME=PATH, got "${spec}"`);
    if (out.some((c) => c.name === name)) throw new UsageError(`candidate ${name} is given twice`);
    out.push({ name, fingerprint: await candidateFingerprint(name, p) });
  }
  return out;
}

function human(file: string, r: AttributionResult): string {
  const ranked = Object.entries(r.scores).sort((a, b) => b[1] - a[1]);
  const head = r.author === null
    ? `${file}: no candidate is likely enough (${r.words} words)`
    : `${file}: ${r.author} (${((r.scores[r.author] ?? 0) * 100).toFixed(0)} %, ${r.words} words)`;
  return [head, ...ranked.map(([n, s]) => `  ${n}: ${(s * 100).toFixed(1)} %`), `  someone else: ${(r.noneProbability * 100).toFixed(1)} %`].join("\n");
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { candidate: { type: "string", multiple: true }, register: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const register = parseRegister(parsed.values.register);
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("no input files");
  const candidates = await parseCandidates(parsed.values.candidate ?? []);
  const inputs = await readInputs(files);
  reportErrors(inputs);
  const results = inputs.map((x) => (isError(x) ? x : { file: x.file, result: attributeText(x.text, candidates, { register }) }));
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify(results.map((r) => ("result" in r ? { file: r.file, author: r.result.author, scores: r.result.scores } : r))) + "\n");
  } else {
    for (const r of results) process.stdout.write(("result" in r ? human(r.file, r.result) : `${r.file}: error: ${r.error.message}`) + "\n\n");
  }
  return inputs.some(isError) ? 1 : 0;
}
