/**
 * `npm run bench:editor`: the time of one editor update (engine analysis, overused patterns and the
 * voice match, as computed in the browser on each change) for a 2,000-word document, in Chromium.
 * Median of several runs after warm-up; the last line is `{"updateMs2000Words": …}`.
 * The text is assembled from texts written for the tests (no corpus needed).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { EMAIL, ESSAY, FICTION } from "@/lib/workspace/test-texts";

const WORDS = 2000;
const RUNS = 31;
const root = path.resolve(import.meta.dirname, "..");

function document(words: number): string {
  const sources = [ESSAY, FICTION, EMAIL];
  const out: string[] = [];
  let n = 0;
  // Vary the order so that repeated paragraphs do not all line up.
  for (let i = 0; n < words; i++) {
    const p = sources[i % 3] ?? ESSAY;
    const paragraph = i % 2 === 0 ? p : p.split(/(?<=\.)\s+/).reverse().join(" ");
    out.push(paragraph);
    n += paragraph.split(/\s+/).length;
  }
  return out.join("\n\n").split(/\s+/).slice(0, words).join(" ");
}

async function main() {
  const bundle = await build({
    entryPoints: [path.join(root, "scripts/bench-editor/entry.ts")],
    bundle: true,
    format: "iife",
    globalName: "penprintBench",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    alias: { "@": root },
    logLevel: "error",
  });
  const code = bundle.outputFiles[0]?.text;
  if (!code) throw new Error("bundle is empty");
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ content: code });
    const text = document(WORDS);
    const times = await page.evaluate(
      ({ text, samples, runs }) => {
        const bench = (globalThis as unknown as { penprintBench: { prepare(s: string[]): unknown; update(t: string, fp: unknown): number } }).penprintBench;
        const fp = bench.prepare(samples);
        for (let i = 0; i < 3; i++) bench.update(text, fp);
        const out: number[] = [];
        for (let i = 0; i < runs; i++) {
          // A one-character edit each run, as when typing.
          const edited = `${text.slice(0, text.length - i - 1)}${"x"}${text.slice(text.length - i)}`;
          const t0 = performance.now();
          bench.update(edited, fp);
          out.push(performance.now() - t0);
        }
        return out;
      },
      { text, samples: [ESSAY, FICTION, EMAIL], runs: RUNS },
    );
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? NaN;
    console.log(`editor update, ${WORDS} words, Chromium: median ${median.toFixed(1)} ms over ${RUNS} runs (min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)}); target ≤ 50 ms`);
    console.log(JSON.stringify({ updateMs2000Words: Math.round(median * 10) / 10 }));
  } finally {
    await browser.close();
  }
}

await main();
