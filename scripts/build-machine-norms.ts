// Builds lib/analysis/tables/machine-norms.json: per-feature quantiles of chat-model text, the
// machine counterpart of the human norms in detector-weights.json, for the fingerprint charts.
// Rebuild: `npm run build:norms` (reads ../shared/corpora, or the folder given as the first argument).
//
// Same feature extractor (lib/analysis/features/extract) and the same quantile definition as the
// human norms of scripts/detector-training.ts: plain quantiles with linear interpolation between
// order statistics, over documents of at least `minWords` words, rounded to 4 decimals.
//
// Which machine text, and why:
// - chat models only (GPT-3.5-turbo, GPT-4, Llama-2-70B-chat in detect.jsonl; the 2026 Claude
//   texts of machine-extra.jsonl): what a writer means by "machine text". Base models continuing
//   a human opening (GPT-2, GPT-J …) are left out, as the detector's training leaves them out.
// - at most PER_DOMAIN texts per (file, domain), chosen by a hash of the id, so the two large
//   news and story sets do not stand for all machine text;
// - fast-detect-gpt machine texts start with ~30 tokens of the human text they continue: that
//   shared opening (and the sentence it ends in) is cut before measuring;
// - the blog genre is left out: the human norms have no blogs, so the two would not compare.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_WEIGHTS } from "../lib/analysis/detector";
import { extract } from "../lib/analysis/features/extract";
import { FEATURES } from "../lib/analysis/features/registry";

const CHAT_GENERATORS = new Set(["gpt-3.5-turbo", "gpt-4", "llama-2-70b-chat"]);
const PER_DOMAIN = 100;
const EXCLUDED_DOMAINS = new Set(["blog"]);
/** The human norms' levels, plus the quartiles the chart's bands use. */
const LEVELS = [...new Set([...DEFAULT_WEIGHTS.quantileLevels, 0.25, 0.75])].sort((a, b) => a - b);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, "..", "lib", "analysis", "tables", "machine-norms.json");

interface Row { id: string; label: string; domain: string; generator: string | null; source?: string; text: string }

const readJsonl = (file: string): Row[] =>
  readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);

/** FNV-1a of the id: a fixed choice that does not depend on file order. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The machine continuation without the human opening it was given (and the sentence that opening ends in). */
function withoutHumanOpening(text: string, humans: string[]): { text: string; cut: number } {
  let shared = 0;
  for (const h of humans) shared = Math.max(shared, commonPrefix(h, text));
  if (shared < 20) return { text, cut: 0 };
  const rest = text.slice(shared);
  const boundary = /[.!?]["'”’)\]]*\s+(?=\S)/.exec(rest);
  const start = boundary ? shared + boundary.index + boundary[0].length : shared;
  return { text: text.slice(start), cut: start };
}

/** As in scripts/detector-training.ts: linear interpolation between order statistics. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? 0) + ((sorted[hi] ?? 0) - (sorted[lo] ?? 0)) * (pos - lo);
}

function main() {
  const dir = path.resolve(process.argv[2] ?? path.join(HERE, "..", "..", "shared", "corpora"));
  const detect = readJsonl(path.join(dir, "detect.jsonl"));
  const extra = readJsonl(path.join(dir, "machine-extra.jsonl"));
  const humansByDomain = new Map<string, string[]>();
  for (const r of detect) if (r.label === "human" && r.source === "fast-detect-gpt") humansByDomain.set(r.domain, [...(humansByDomain.get(r.domain) ?? []), r.text]);

  const cells = new Map<string, Row[]>();
  const add = (file: string, r: Row) => {
    if (EXCLUDED_DOMAINS.has(r.domain)) return;
    const key = `${file}:${r.domain}`;
    cells.set(key, [...(cells.get(key) ?? []), r]);
  };
  for (const r of detect) if (r.label === "ai" && CHAT_GENERATORS.has(r.generator ?? "")) add("detect.jsonl", r);
  for (const r of extra) if (r.label === "ai") add("machine-extra.jsonl", r);

  const minWords = DEFAULT_WEIGHTS.minWords;
  const rows: Float64Array[] = [];
  const perCell: Record<string, number> = {};
  let openingsCut = 0;
  for (const [key, all] of [...cells].sort(([a], [b]) => a.localeCompare(b))) {
    const chosen = [...all].sort((a, b) => hashId(a.id) - hashId(b.id) || a.id.localeCompare(b.id)).slice(0, PER_DOMAIN);
    let used = 0;
    for (const r of chosen) {
      const humans = r.source === "fast-detect-gpt" ? humansByDomain.get(r.domain) ?? [] : [];
      const { text, cut } = withoutHumanOpening(r.text, humans);
      if (cut > 0) openingsCut++;
      const ex = extract(text, { windows: false });
      if (ex.words < minWords) continue;
      rows.push(ex.values);
      used++;
    }
    perCell[key] = used;
    console.log(`${key}: ${used} of ${all.length}`);
  }

  const norms: Record<string, { quantiles: number[] }> = {};
  FEATURES.forEach((f, i) => {
    const sorted = rows.map((r) => r[i] ?? 0).sort((a, b) => a - b);
    norms[f.name] = { quantiles: LEVELS.map((q) => Math.round(quantile(sorted, q) * 1e4) / 1e4) };
  });
  const table = {
    version: 1,
    description: "Quantiles of each engine feature over chat-model documents (machine counterpart of the human norms in detector-weights.json).",
    command: "npm run build:norms",
    sources: [
      "../shared/corpora/detect.jsonl (label ai; generators gpt-3.5-turbo, gpt-4, llama-2-70b-chat; human openings of fast-detect-gpt rows cut)",
      "../shared/corpora/machine-extra.jsonl (all styles; blog genre left out)",
    ],
    selection: { perDomain: PER_DOMAIN, minWords, openingsCut, documents: rows.length, perCell },
    quantileLevels: LEVELS,
    norms,
  };
  writeFileSync(OUT, JSON.stringify(table) + "\n");
  console.log(`wrote ${path.relative(process.cwd(), OUT)}: ${rows.length} documents, ${FEATURES.length} features`);
}

main();
