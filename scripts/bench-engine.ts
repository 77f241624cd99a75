// Engine speed: full analysis of a 10,000-word document, sustained words per second over
// many documents, the ratio to a bare regex tokeniser over the same text, and a fingerprint
// of 100,000 words (when lib/analysis/fingerprint.ts exists). Several runs, medians.
// Times are CPU time of this single-threaded process (see time()).
// Usage: npm run bench:engine [-- --corpora DIR]; the last line is JSON.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../lib/analysis/analyze";
import { wordCount } from "../lib/analysis/segment";

const RUNS = 7;

function corporaDir(argv: string[]): string {
  const i = argv.indexOf("--corpora");
  return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] ?? "" : path.join(process.cwd(), "..", "shared", "corpora"));
}

function texts(dir: string): string[] {
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8").split("\n").filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  // a fixed, interleaved mix of human and machine text from several sources
  const a = read("human-essays.jsonl");
  const b = read("detect.jsonl");
  const c = read("human-genres.jsonl");
  const d = read("machine-extra.jsonl");
  const out: string[] = [];
  for (let i = 0; out.length < 2000; i++) {
    for (const src of [a, b, c, d]) { const t = src[(i * 37) % src.length]; if (t) out.push(t); }
  }
  return out;
}

/** The first n words of the joined texts, paragraphs kept. */
function documentOf(parts: string[], n: number): string {
  const out: string[] = [];
  let words = 0;
  for (const p of parts) {
    if (words >= n) break;
    const ws = p.split(/(\s+)/);
    let kept = "";
    for (const w of ws) {
      if (words >= n) break;
      kept += w;
      if (w.trim()) words++;
    }
    out.push(kept.trim());
  }
  return out.join("\n\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

// CPU time of this process (user + system), in ms: on a shared machine wall-clock time
// measures the neighbours as much as the engine. Wall time is printed beside it.
let wallSpent = 0;
function time(f: () => void): number {
  const w = performance.now();
  const t = process.cpuUsage();
  f();
  const u = process.cpuUsage(t);
  wallSpent = performance.now() - w;
  return (u.user + u.system) / 1000;
}

// The baseline: a bare regex tokeniser pass (words and punctuation into an array).
function bareTokenize(text: string): number {
  const toks: string[] = [];
  for (const m of text.matchAll(/\w+|[^\w\s]/g)) toks.push(m[0]);
  return toks.length;
}

async function main(): Promise<void> {
  const dir = corporaDir(process.argv.slice(2));
  const parts = texts(dir);
  const doc10k = documentOf(parts, 10000);
  const words10k = wordCount(doc10k);

  // warm up JIT and caches
  for (let i = 0; i < 3; i++) { analyze(doc10k); bareTokenize(doc10k); }

  const full: number[] = [];
  const bare: number[] = [];
  const fullWall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    full.push(time(() => analyze(doc10k)));
    fullWall.push(wallSpent);
    bare.push(time(() => { for (let k = 0; k < 20; k++) bareTokenize(doc10k); }) / 20);
  }
  const doc10kMs = median(full);
  const tokenizerRatio = doc10kMs / median(bare);

  // sustained: many ordinary documents, one after another
  const corpus = parts.slice(0, 600);
  const corpusWords = corpus.reduce((s, t) => s + wordCount(t), 0);
  const sustained: number[] = [];
  for (let r = 0; r < 3; r++) sustained.push(time(() => { for (const t of corpus) analyze(t); }));
  const wordsPerSecond = corpusWords / (median(sustained) / 1000);

  let fingerprint100kMs: number | null = null;
  const fpFile = path.join(process.cwd(), "lib", "analysis", "fingerprint.ts");
  if (existsSync(fpFile)) {
    const mod = (await import(pathToFileURL(fpFile).href)) as {
      buildFingerprint?: (samples: { id: string; text: string }[]) => unknown;
    };
    if (mod.buildFingerprint) {
      const build = mod.buildFingerprint;
      const samples: { id: string; text: string }[] = [];
      let w = 0;
      for (let i = 0; w < 100000 && i < parts.length; i++) {
        const t = parts[i] ?? "";
        samples.push({ id: `s${i}`, text: t });
        w += wordCount(t);
      }
      build(samples.slice(0, 5));
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) runs.push(time(() => build(samples)));
      fingerprint100kMs = median(runs);
    }
  }

  const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
  console.log(`10k-word document (${words10k} words): full analysis ${round(doc10kMs)} ms CPU (median of ${RUNS}; wall ${round(median(fullWall))} ms); bare regex tokeniser ${round(median(bare), 2)} ms; ratio ${round(tokenizerRatio)}`);
  console.log(`sustained: ${corpusWords} words in ${corpus.length} documents, ${Math.round(wordsPerSecond)} words/s (median of 3)`);
  console.log(`fingerprint of 100k words: ${fingerprint100kMs === null ? "n/a (lib/analysis/fingerprint.ts missing)" : `${round(fingerprint100kMs)} ms`}`);
  console.log(JSON.stringify({
    wordsPerSecond: Math.round(wordsPerSecond),
    doc10kMs: round(doc10kMs),
    tokenizerRatio: round(tokenizerRatio),
    fingerprint100kMs: fingerprint100kMs === null ? null : round(fingerprint100kMs),
  }));
}

void main().catch((e: unknown) => { console.error(e); process.exit(1); });
