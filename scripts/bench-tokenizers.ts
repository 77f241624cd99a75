// Measures the tokeniser/tagger options for the engine's hot path (figures in docs/engine.md):
// a bare regex pass, lib/analysis segment(), compromise's tokenizer and its full tagger.
// Usage: npx tsx scripts/bench-tokenizers.ts [--corpora DIR]. CPU time, medians.
import { readFileSync } from "node:fs";
import path from "node:path";
import nlp from "compromise";
import { segment, wordCount } from "../lib/analysis/segment";

const i = process.argv.indexOf("--corpora");
const dir = path.resolve(i >= 0 ? process.argv[i + 1] ?? "" : path.join(process.cwd(), "..", "shared", "corpora"));
const text = readFileSync(path.join(dir, "human-essays.jsonl"), "utf8").split("\n").filter((l) => l.trim()).slice(0, 60)
  .map((l) => (JSON.parse(l) as { text: string }).text).join("\n\n");
const words = wordCount(text);

function cpu(f: () => void, runs: number): number {
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.cpuUsage();
    f();
    const u = process.cpuUsage(t);
    ts.push((u.user + u.system) / 1000);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)] ?? 0;
}
const rows: [string, number][] = [
  ["bare regex /\\w+|[^\\w\\s]/g", cpu(() => { const a: string[] = []; for (const m of text.matchAll(/\w+|[^\w\s]/g)) a.push(m[0]); }, 21)],
  ["lib/analysis segment()", cpu(() => segment(text), 9)],
  ["compromise nlp.tokenize()", cpu(() => nlp.tokenize(text), 5)],
  ["compromise nlp() full tagging", cpu(() => nlp(text), 3)],
];
console.log(`${words} words`);
for (const [name, ms] of rows) console.log(`${name.padEnd(32)} ${ms.toFixed(1).padStart(8)} ms  ${Math.round(words / (ms / 1000)).toLocaleString("en-US").padStart(11)} words/s`);
