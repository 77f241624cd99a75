// Chooses between the detector designs (plain linear vs with hinge terms) without looking at the
// domain a fold tests: inside each outer leave-one-domain-out fold, every design is scored by
// leave-one-domain-out over that fold's training domains alone, and the best inner mean AUROC on
// chat text wins. Prints each fold's choice and both designs' outer AUROC; the last line is JSON.
// Usage: npm run select:detector [-- --corpora DIR]
import path from "node:path";
import { asWeights, auroc, featurize, fitCore, isTrainable, loadDetectionDocs, rawOf, type Featurized } from "./detector-training";

const DESIGNS = [{ name: "linear", hinge: false }, { name: "hinge", hinge: true }] as const;
const isChat = (f: Featurized) => f.doc.family === "chat-2023" || f.doc.family === "chat-current";
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** AUROC of chat vs human text of one domain (corpora rows only) for a model fitted on `train`. */
function chatAuroc(train: Featurized[], test: Featurized[], hinge: boolean): number {
  const w = asWeights(fitCore(train, undefined, undefined, hinge));
  const s = (f: Featurized) => rawOf(w, f.values).raw;
  return auroc(test.filter(isChat).map(s), test.filter((f) => f.doc.label === 0).map(s));
}

function main(): void {
  const i = process.argv.indexOf("--corpora");
  const dir = path.resolve(i >= 0 ? process.argv[i + 1] ?? "" : path.join(process.cwd(), "..", "shared", "corpora"));
  const log = (s: string) => process.stderr.write(s + "\n");
  const all = featurize(loadDetectionDocs(dir), log);
  const testable = (g: string) => {
    const t = all.filter((f) => f.doc.group === g && f.doc.origin === "corpora");
    return t.some(isChat) && t.some((f) => f.doc.label === 0) ? t : null;
  };
  const groups = [...new Set(all.map((f) => f.doc.group))].sort();
  const folds: { domain: string; inner: number[]; chosen: string; outer: number[] }[] = [];
  for (const g of groups) {
    const test = testable(g);
    if (!test) continue;
    const train = all.filter((f) => f.doc.group !== g && isTrainable(f));
    const inner = DESIGNS.map((d) => mean(groups.filter((h) => h !== g).flatMap((h) => {
      const it = testable(h);
      return it ? [chatAuroc(train.filter((f) => f.doc.group !== h), it, d.hinge)] : [];
    })));
    const best = inner.indexOf(Math.max(...inner));
    const outer = DESIGNS.map((d) => chatAuroc(train, test, d.hinge));
    const chosen = DESIGNS[best]?.name ?? "linear";
    folds.push({ domain: g, inner, chosen, outer });
    console.log(`${g.padEnd(13)} inner ${inner.map((x) => x.toFixed(4)).join(" / ")} → ${chosen.padEnd(6)} outer ${outer.map((x) => x.toFixed(4)).join(" / ")}`);
  }
  const outerMean = DESIGNS.map((_, k) => mean(folds.map((f) => f.outer[k] ?? NaN)));
  const selected = mean(folds.map((f) => f.outer[DESIGNS.findIndex((d) => d.name === f.chosen)] ?? NaN));
  console.log(`designs: ${DESIGNS.map((d) => d.name).join(" / ")}; mean outer AUROC ${outerMean.map((x) => x.toFixed(4)).join(" / ")}; the selection procedure ${selected.toFixed(4)}`);
  console.log(JSON.stringify({
    chosen: Object.fromEntries(DESIGNS.map((d) => [d.name, folds.filter((f) => f.chosen === d.name).length])),
    outerMean: Object.fromEntries(DESIGNS.map((d, k) => [d.name, Number(outerMean[k]?.toFixed(4))])),
    selectedMean: Number(selected.toFixed(4)),
  }));
}

main();
