// Trains the detector from ../shared/corpora and writes lib/analysis/detector-weights.json.
// Usage: npm run train:detector [-- --corpora DIR]
import { writeFileSync } from "node:fs";
import path from "node:path";
import { featurize, fitDetector, isTrainable, loadDetectionDocs } from "./detector-training";

export const MODEL_VERSION = "detector-5";

function corporaDir(argv: string[]): string {
  const i = argv.indexOf("--corpora");
  return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] ?? "" : path.join(process.cwd(), "..", "shared", "corpora"));
}

async function main(): Promise<void> {
  const dir = corporaDir(process.argv.slice(2));
  const log = (s: string) => process.stderr.write(s + "\n");
  const docs = loadDetectionDocs(dir);
  log(`loaded ${docs.length} documents from ${dir}`);
  const feats = featurize(docs.filter((d) => d.group !== "blog" && (d.label === 0 ? !d.heldOut : d.family !== "base")), log);
  const train = feats.filter(isTrainable);
  log(`training on ${train.length} documents`);
  const weights = fitDetector(train, MODEL_VERSION, log);
  const out = path.join(process.cwd(), "lib", "analysis", "detector-weights.json");
  writeFileSync(out, JSON.stringify(weights, null, 1) + "\n");
  log(`wrote ${out}`);
}

void main().catch((e: unknown) => { console.error(e); process.exit(1); });
