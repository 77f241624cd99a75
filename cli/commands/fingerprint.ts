// penprint fingerprint [--register R] [--update] [--json] --out FP.json FILE... : build (or
// extend) a writer's fingerprint from their samples. Each readable file is one sample,
// identified by its path as given; unreadable ones are reported and left out.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import {
  REGISTERS, addSample, buildFingerprint, confidenceLevel, fingerprintConfidence, parseFingerprint,
  serializeFingerprint, type Fingerprint, type Register,
} from "../../lib/analysis/index";
import { wordCount } from "../../lib/analysis/index";
import { isError, readInputs, reportErrors, UsageError } from "../read-inputs";

export const usage = `penprint fingerprint [--register ${REGISTERS.join("|")}] [--update] [--json] --out FP.json FILE...`;

export function parseRegister(value: string | undefined): Register | undefined {
  if (value === undefined) return undefined;
  if (!(REGISTERS as readonly string[]).includes(value)) throw new UsageError(`unknown register "${value}" (one of ${REGISTERS.join(", ")})`);
  return value as Register;
}

/** Read and validate a fingerprint file; a bad one is a usage error (nothing can be compared). */
export async function loadFingerprint(file: string): Promise<Fingerprint> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read fingerprint ${file} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  try {
    return parseFingerprint(raw);
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { out: { type: "string" }, register: { type: "string" }, update: { type: "boolean" }, json: { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { out, update, json } = parsed.values;
  const register = parseRegister(parsed.values.register);
  const files = parsed.positionals;
  if (!out) throw new UsageError("--out FP.json is required");
  if (files.length === 0) throw new UsageError("no sample files");
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup !== undefined) throw new UsageError(`${dup} is given twice`);

  const inputs = await readInputs(files);
  reportErrors(inputs);
  const samples = inputs.filter((x) => !isError(x)).map((x) => ({ id: x.file, text: "text" in x ? x.text : "" }));
  let fp: Fingerprint | undefined;
  if (update && existsSync(out)) {
    fp = await loadFingerprint(out);
    if (register !== undefined && fp.register !== register) throw new UsageError(`${out} has register ${fp.register ?? "none"}, not ${register}`);
    for (const s of samples) fp = addSample(fp, s);
  } else if (samples.length > 0) {
    fp = buildFingerprint(samples, { register });
  }
  if (fp && samples.length > 0) await writeFile(out, serializeFingerprint(fp) + "\n");

  if (json) {
    process.stdout.write(JSON.stringify(inputs.map((x) => (isError(x) ? x : { file: x.file, words: wordCount(x.text) }))) + "\n");
  } else if (fp && samples.length > 0) {
    const c = fingerprintConfidence(fp);
    process.stdout.write(
      `wrote ${out}: ${fp.samples.length} samples, ${fp.totals.words} words, register ${fp.register ?? "not set"}, ` +
      `confidence ${(c * 100).toFixed(0)} % (${confidenceLevel(c)})\n`,
    );
  } else {
    process.stdout.write(`nothing written: no readable samples\n`);
  }
  return inputs.some(isError) ? 1 : 0;
}
