// The evaluation: leave-one-domain-out detection over every domain of the corpora, false
// positives on held-out student essays, and (when present) the authorship evaluation.
// Usage: npm run eval [-- --corpora DIR]; prints a table and writes docs/accuracy.md.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_WEIGHTS, calibrate, type DetectorWeights } from "../lib/analysis/detector";
import { abstention, decideVerdict, type Verdict } from "../lib/analysis/verdict";
import {
  auroc, featurize, fitDetector, isTrainable, loadDetectionDocs, rawOf, tprAtFpr, wilson, type Featurized,
} from "./detector-training";

interface Scored { f: Featurized; p: number; verdict: Verdict; abstained: boolean; windowP: number[] }

function score(f: Featurized, w: DetectorWeights): Scored {
  const { raw, ood } = rawOf(w, f.values);
  const p = calibrate(raw, w.documentCalibration);
  const windowP = f.windows.map((wv) => calibrate(rawOf(w, wv).raw, w.windowCalibration));
  const abstain = abstention({ words: f.words, language: f.language, ood, weights: w });
  const verdict = decideVerdict({ abstain, probability: p, sentenceProbabilities: windowP, sentenceWords: f.windowWords, weights: w });
  return { f, p, verdict, abstained: abstain !== null, windowP };
}

const pct = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(1) : "–");
const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : "–");
const isChat = (s: Scored) => s.f.doc.family === "chat-2023" || s.f.doc.family === "chat-current";

interface FprRow { k: number; n: number; abstained: number; mixed: number }
function fprAt(human: Scored[]): FprRow {
  const judged = human.filter((s) => !s.abstained);
  return {
    k: judged.filter((s) => s.verdict === "ai").length, n: judged.length,
    abstained: human.length - judged.length, mixed: judged.filter((s) => s.verdict === "mixed").length,
  };
}
const pct2 = (x: number): string => (Number.isFinite(x) ? (100 * x).toFixed(2) : "–");
const fprCell = (r: FprRow): string => {
  const [lo, hi] = wilson(r.k, r.n);
  return `${pct2(r.k / r.n)} % (${r.k}/${r.n}; 95 % CI ${pct2(lo)}–${pct2(hi)})`;
};

function windowAuroc(pos: Scored[], neg: Scored[]): number {
  return auroc(pos.flatMap((s) => s.windowP), neg.flatMap((s) => s.windowP));
}

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
function textTable(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ")).join("\n");
}

export async function runEvaluation(opts: { corporaDir: string; outFile?: string; authorship?: boolean; log?: (s: string) => void }): Promise<{ table: string; markdown: string }> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s + "\n"));
  const started = Date.now();
  const docs = loadDetectionDocs(opts.corporaDir);
  const projectRows = docs.filter((d) => d.origin === "training-data").length;
  log(`loaded ${docs.length} documents; featurising…`);
  const all = featurize(docs, log);
  const groups = [...new Set(all.map((f) => f.doc.group))].sort();

  // ---- leave-one-domain-out ----
  const lodoRows: string[][] = [];
  const familyRows: string[][] = [];
  const chatAurocs: number[] = [];
  const sentenceAurocs: number[] = [];
  const familyAurocs: Record<string, number[]> = { "chat-current": [], "chat-2023": [], base: [] };
  const allWindowPos: Scored[] = [];
  const allWindowNeg: Scored[] = [];
  const essayLodo: Record<string, FprRow> = {};
  const misses: string[] = [];
  for (const g of groups) {
    const train = all.filter((f) => f.doc.group !== g && isTrainable(f));
    log(`fold ${g}: training on ${train.length} documents from other domains`);
    const w = fitDetector(train, `lodo-${g}`, log);
    // the project's own machine text is only ever trained on (in the folds of other domains)
    const test = all.filter((f) => f.doc.group === g && f.doc.origin === "corpora").map((f) => score(f, w));
    const human = test.filter((s) => s.f.doc.label === 0);
    const chat = test.filter(isChat);
    const hp = human.map((s) => s.p);
    const cp = chat.map((s) => s.p);
    const a = auroc(cp, hp);
    if (Number.isFinite(a)) chatAurocs.push(a);
    const fr = fprAt(human);
    if (fr.n > 0 && fr.k / fr.n > 0.01) misses.push(`false positives in unseen domain **${g}**: ${fprCell(fr)} at that fold's threshold (target ≤ 1 %)`);
    if (Number.isFinite(a) && a < 0.9) misses.push(`out-of-domain AUROC on chat text in **${g}**: ${num(a)} (< 0.90)`);
    if (human.length > 0 && fr.abstained / human.length > 0.2) misses.push(`**${g}**: ${fr.abstained} of ${human.length} human texts abstained (mostly under 80 words or unlike the training data)`);
    if (g.startsWith("essays")) essayLodo[g] = fr;
    // the detector-3 rule (strictest training domain's 99.5th percentile alone), same model, for comparison
    const rules = (w.training as { thresholdRules?: { quantile: number } }).thresholdRules;
    const oldK = rules ? human.filter((s) => !s.abstained && s.p >= rules.quantile).length : NaN;
    const chatJudged = chat.filter((s) => !s.abstained);
    const caught = chatJudged.filter((s) => s.verdict === "ai").length;
    const sa = windowAuroc(chat, human);
    if (Number.isFinite(sa)) sentenceAurocs.push(sa);
    allWindowPos.push(...chat);
    allWindowNeg.push(...human);
    lodoRows.push([
      g, String(human.length), String(chat.length), num(a), pct(tprAtFpr(cp, hp, 0.01)), pct(tprAtFpr(cp, hp, 0.05)),
      w.thresholds.ai.toFixed(3), human.length ? fprCell(fr) : "–", fr.n > 0 && Number.isFinite(oldK) ? `${pct2(oldK / fr.n)} % (${oldK})` : "–",
      String(fr.abstained), String(fr.mixed),
      chat.length ? `${pct(caught / Math.max(1, chatJudged.length))} %` : "–", num(windowAuroc(chat, human)),
    ]);
    for (const fam of ["chat-current", "chat-2023", "base"] as const) {
      const fs = test.filter((s) => s.f.doc.family === fam);
      if (fs.length === 0 || hp.length === 0) continue;
      const fa = auroc(fs.map((s) => s.p), hp);
      familyAurocs[fam]?.push(fa);
      if (fam === "base" && fa < 0.7) misses.push(`base-model text in **${g}** (${fs.length} texts): AUROC ${num(fa)} — not detected (never trained on)`);
      const gens = [...new Set(fs.map((s) => s.f.doc.generator))].join(", ");
      familyRows.push([g, fam, gens, String(fs.length), num(fa), pct(tprAtFpr(fs.map((s) => s.p), hp, 0.01)), pct(tprAtFpr(fs.map((s) => s.p), hp, 0.05))]);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const meanChat = mean(chatAurocs);

  // ---- shipped model on the held-out essays (never used for training or the threshold) ----
  const shipped = DEFAULT_WEIGHTS;
  const heldOut = all.filter((f) => f.doc.heldOut).map((f) => score(f, shipped));
  const essayRows: string[][] = [];
  for (const [name, writer] of [["English learners", "english-learner"], ["US students", "us-student"]] as const) {
    const hs = heldOut.filter((s) => s.f.doc.writer === writer);
    const r = fprAt(hs);
    const lodo = essayLodo[writer === "english-learner" ? "essays-learners" : "essays-us"];
    essayRows.push([name, String(hs.length), fprCell(r), String(r.abstained), String(r.mixed), lodo ? fprCell(lodo) : "–"]);
  }
  const blog = all.filter((f) => f.doc.group === "blog").map((f) => score(f, shipped));
  const blogJudged = blog.filter((s) => !s.abstained);
  const blogCaught = blogJudged.filter((s) => s.verdict === "ai").length;

  const lodoHead = ["domain (unseen)", "human", "chat", "AUROC chat", "TPR@1%FPR", "TPR@5%FPR", "fold threshold", "FPR at shipped-style threshold", "FPR, detector-3 rule", "human abstained", "human mixed", "chat caught", "sentence AUROC"];
  const famHead = ["domain (unseen)", "family", "generators", "n", "AUROC", "TPR@1%", "TPR@5%"];
  const essayHead = ["writers (held-out half)", "n", "FPR, shipped model", "abstained", "mixed", "FPR, leave-one-domain-out"];
  const summary = [
    `mean out-of-domain AUROC on chat-model text: ${num(meanChat)} over ${chatAurocs.length} domains (target ≥ 0.90)`,
    `mean out-of-domain AUROC by family: current chat ${num(mean(familyAurocs["chat-current"] ?? []))}, 2023 chat ${num(mean(familyAurocs["chat-2023"] ?? []))}, base models ${num(mean(familyAurocs.base ?? []))}`,
    `sentence-level (context-window) AUROC, chat vs human, out of domain: mean over domains ${num(mean(sentenceAurocs))}; pooled across domains ${num(windowAuroc(allWindowPos, allWindowNeg))} (window scores are not comparable across domains)`,
    `shipped threshold: ai ≥ ${shipped.thresholds.ai.toFixed(3)} (model ${shipped.version}); blog genre (never trained on, no human counterpart): ${blogCaught}/${blogJudged.length} caught, ${blog.length - blogJudged.length} abstained`,
  ];
  const table = [
    "Leave-one-domain-out detection", textTable(lodoHead, lodoRows), "",
    "By generator family", textTable(famHead, familyRows), "",
    "False positives on student essays", textTable(essayHead, essayRows), "",
    ...summary,
  ].join("\n");

  log(table);
  let authorship = "";
  let authorshipTable = "";
  const authorshipFile = path.join(path.dirname(new URL(import.meta.url).pathname), "eval-authorship.ts");
  if (opts.authorship !== false && existsSync(authorshipFile)) {
    log("authorship evaluation…");
    const mod = (await import(pathToFileURL(authorshipFile).href)) as {
      evaluateAuthorship?: (dir: string) => Promise<{ markdown: string; table: string }>;
    };
    if (mod.evaluateAuthorship) {
      const r = await mod.evaluateAuthorship(opts.corporaDir);
      authorship = r.markdown;
      authorshipTable = r.table;
    }
  }

  const markdown = `# Accuracy

Reproduce with \`npm run eval\` (reads \`../shared/corpora\`; \`npm run --silent penprint -- eval --corpora DIR\` does the same).
Generated by \`scripts/eval.ts\` in ${((Date.now() - started) / 1000).toFixed(0)} s. Model under test: \`${shipped.version}\`.

## Detection

**How it is measured.** Every domain of the corpora is left out in turn: the detector is trained by the very same
procedure as the shipped one (\`fitDetector\` in \`scripts/detector-training.ts\`: features, regression, calibration,
threshold chosen from human text of the *training* domains) without that domain, then tested on it. Machine
genres of \`machine-extra.jsonl\` fall in the fold of their human counterpart (news ↔ xsum, encyclopedia ↔ squad and
wikipedia, …); \`blog\` has no human counterpart and is only ever tested. Training uses chat-model text only
(GPT-3.5, GPT-4, Llama-2-chat, the 2026 Claude set, and the project's own machine text in \`training-data/\`);
base models (GPT-2, GPT-J, GPT-Neo(X), OPT, davinci) are never trained on and are reported as their own family.
The project's own texts join the fold of their genre's human counterpart and are never tested: every figure
below is on the corpora.

**Third design iteration (${shipped.version}).** detector-3 (the first design) missed both targets; detector-4
met the false-positive target with a threshold rule for unseen domains and three features, and missed the AUROC
target (0.890). detector-5 changes two things, each applied identically inside every fold:

1. *More current machine text.* \`training-data/\` holds ${projectRows} texts in 11 genres written for training
   by a Claude model (helper agents of a development session, each text its reply to the prompt on its row; see
   \`training-data/README.md\`). Both this set and the corpora's 2026 set come from Claude models, so part of
   any gain on "current chat" may be that likeness rather than generality.
2. *Hinge terms.* Each feature may bend beyond |z| = 1 (terms max(0, z − 1) and max(0, −1 − z) beside z), so a
   feature can pull differently in its tails; the score is still a sum of one contribution per feature, and
   the reasons read those contributions. The choice between this and the plain linear model is made by
   \`npm run select:detector\`: inside each outer fold, leave-one-domain-out over that fold's *training*
   domains alone; the outer domain takes no part in it.

Unchanged from detector-4: the threshold rule (each training domain's human out-of-domain log-odds as a draw
from a population of domains; the 99.5th percentile of a *new* domain, μ̄ + 2.576·√(mean σ² + τ²), or the
strictest training domain's 99.5th percentile if higher; the column "FPR, detector-3 rule" shows the latter
alone), the features, λ = ${String(shipped.training.lambda ?? "?")}, the cell weights, calibration and abstention. Designs tried and not
adopted are listed under "Design iterations" in \`docs/engine.md\`. Candidly, iterations 2 and 3 were designed
after earlier results on these folds were known; the honest test is text from outside these corpora.

- ${summary.join("\n- ")}

"FPR" counts human texts called \`ai\` among those not abstained; abstentions (short, not English, out of
distribution) and \`mixed\` verdicts are shown beside it. "chat caught" is the share of chat-model texts called
\`ai\` at that fold's threshold. TPR@x%FPR uses the best threshold for the unseen domain and so shows what the score
could separate, not what the shipped threshold does.

${mdTable(lodoHead, lodoRows)}

### What misses

${[
    ...(meanChat < 0.9 ? [`mean out-of-domain AUROC on chat-model text ${num(meanChat)} is below the 0.90 target`] : []),
    ...misses,
    `at the shipped-style thresholds only a small share of chat-model text is called \`ai\` (column "chat caught"): the threshold is set for ≤ 1 % false positives on unseen human domains, and the score does not separate well enough for that to leave much recall`,
  ].map((m) => `- ${m}`).join("\n")}

### By generator family

${mdTable(famHead, familyRows)}

### Student essays (false positives)

Half of \`human-essays.jsonl\`, chosen by a hash of the id (\`isHeldOutEssay\`), is never used for training or for
the threshold; the shipped model is measured on that half. The last column is the leave-one-domain-out model that
saw no essays of that kind of writer at all.

${mdTable(essayHead, essayRows)}

${authorship ? `## Authorship\n\n${authorship}\n` : ""}`;

  if (opts.outFile) {
    mkdirSync(path.dirname(opts.outFile), { recursive: true });
    writeFileSync(opts.outFile, markdown);
    log(`wrote ${opts.outFile}`);
  }
  return { table: authorshipTable ? `${table}\n\n${authorshipTable}` : table, markdown };
}

function corporaArg(argv: string[]): string {
  const i = argv.indexOf("--corpora");
  return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1] ?? "" : path.join(process.cwd(), "..", "shared", "corpora"));
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  // --detection-only skips the authorship section (and does not touch docs/accuracy.md)
  const detectionOnly = process.argv.includes("--detection-only");
  runEvaluation({
    corporaDir: corporaArg(process.argv.slice(2)),
    outFile: detectionOnly ? undefined : path.join(process.cwd(), "docs", "accuracy.md"),
    authorship: !detectionOnly,
  })
    .then((r) => { console.log(r.table); })
    .catch((e: unknown) => { console.error(e); process.exit(1); });
}
