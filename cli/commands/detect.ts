// penprint detect [--json] FILE... : AI likelihood per document and per sentence.
import { parseArgs } from "node:util";
import { analyze, type Analysis, type Reason } from "../../lib/analysis/index";
import { isError, readInputs, reportErrors, UsageError } from "../read-inputs";

export const usage = "penprint detect [--json] FILE... (use - for stdin)";

const reasonJson = (r: Reason) => ({ feature: r.feature, description: r.description, value: r.value, norm: r.norm, direction: r.direction });

export function detectJson(file: string, a: Analysis) {
  return {
    file,
    words: a.words,
    aiProbability: a.aiProbability,
    verdict: a.verdict,
    reasons: a.reasons.map(reasonJson),
    sentences: a.sentences.map((s) => ({ start: s.start, end: s.end, aiProbability: s.aiProbability, reasons: s.reasons.map(reasonJson) })),
  };
}

function human(file: string, text: string, a: Analysis): string {
  const lines = [`${file}: ${a.verdict} — AI probability ${(a.aiProbability * 100).toFixed(0)} %, ${a.words} words`];
  if (a.abstention) lines.push(`  uncertain: ${a.abstention.message}`);
  for (const r of a.reasons) lines.push(`  - ${r.message} (${r.value} vs ${r.norm})`);
  const top = [...a.sentences].sort((x, y) => y.aiProbability - x.aiProbability).slice(0, 3);
  if (top.length > 0) lines.push("  most machine-like sentences:");
  for (const s of top) {
    const t = text.slice(s.start, s.end).replace(/\s+/g, " ");
    lines.push(`    ${(s.aiProbability * 100).toFixed(0)} %  ${t.length > 100 ? t.slice(0, 97) + "…" : t}`);
  }
  return lines.join("\n");
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError("no input files");
  const inputs = await readInputs(files);
  reportErrors(inputs);
  const results = inputs.map((x) => (isError(x) ? x : { ...x, analysis: analyze(x.text) }));
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify(results.map((r) => ("analysis" in r ? detectJson(r.file, r.analysis) : r))) + "\n");
  } else {
    for (const r of results) {
      if ("analysis" in r) process.stdout.write(human(r.file, r.text, r.analysis) + "\n\n");
      else process.stdout.write(`${r.file}: error: ${r.error.message}\n\n`);
    }
  }
  return inputs.some(isError) ? 1 : 0;
}
