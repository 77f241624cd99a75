import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFingerprint } from "../../lib/analysis/fingerprint";
import { casualSample, formalSample } from "../../lib/analysis/stylometry-test-texts";

const TSX = path.resolve(__dirname, "..", "..", "node_modules", ".bin", "tsx");
const CLI = path.resolve(__dirname, "..", "penprint.ts");

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, [CLI, ...args], { encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? "");
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "penprint-authorship-"));
const formalDir = path.join(dir, "formal");
const casualDir = path.join(dir, "casual");
mkdirSync(formalDir);
mkdirSync(casualDir);
const formalFiles = [0, 1, 2, 3].map((i) => {
  const f = path.join(formalDir, `${i}.txt`);
  writeFileSync(f, formalSample(i));
  return f;
});
for (const i of [0, 1, 2, 3]) writeFileSync(path.join(casualDir, `${i}.txt`), casualSample(i));
const formalText = path.join(dir, "formal-new.txt");
const casualText = path.join(dir, "casual-new.txt");
writeFileSync(formalText, formalSample(6));
writeFileSync(casualText, casualSample(6));
const missing = path.join(dir, "missing.txt");
const fpFile = path.join(dir, "formal.json");

describe("penprint fingerprint / compare / attribute", () => {
  it("fingerprint writes a valid fingerprint; unreadable samples are reported and left out (exit 1)", async () => {
    const r = await run(["fingerprint", "--register", "essay", "--json", "--out", fpFile, ...formalFiles, missing]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.map((x) => x.file)).toEqual([...formalFiles, missing]);
    expect(out[0]?.words).toBeGreaterThan(100);
    expect(out[4]?.error).toEqual({ code: "not_found", message: "no such file" });
    expect(r.stderr).toMatch(/missing\.txt/);
    const fp = parseFingerprint(readFileSync(fpFile, "utf8"));
    expect(fp.register).toBe("essay");
    expect(fp.samples.map((s) => s.id).sort()).toEqual([...formalFiles].sort());
    const ok = await run(["fingerprint", "--register", "essay", "--out", fpFile, ...formalFiles]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/4 samples, \d+ words, register essay/);
  }, 60_000);

  it("compare prints one JSON element per input with the documented shape", async () => {
    const r = await run(["compare", "--json", "--fingerprint", fpFile, formalText, casualText, "-"], "Far too short.");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.map((x) => x.file)).toEqual([formalText, casualText, "-"]);
    for (const x of out) expect(Object.keys(x).sort()).toEqual(["deviations", "file", "matchProbability", "verdict"]);
    expect(out[0]?.verdict).toBe("match");
    expect(out[1]?.verdict).toBe("no-match");
    expect(out[2]?.verdict).toBe("uncertain");
    const devs = out[1]?.deviations as Record<string, unknown>[];
    expect(devs.length).toBeGreaterThan(0);
    expect(Object.keys(devs[0] ?? {}).sort()).toEqual(["description", "direction", "feature", "norm", "value"]);
  }, 60_000);

  it("attribute takes fingerprint files and folders, and names nobody when nobody fits", async () => {
    const r = await run(["attribute", "--json", "--candidate", `formal=${fpFile}`, "--candidate", `casual=${casualDir}`, formalText, casualText, missing]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out[0]).toMatchObject({ file: formalText, author: "formal" });
    expect(out[1]).toMatchObject({ file: casualText, author: "casual" });
    expect(Object.keys(out[0]?.scores as object).sort()).toEqual(["casual", "formal"]);
    expect((out[2]?.error as { code: string }).code).toBe("not_found");
    const alone = await run(["attribute", "--json", "--candidate", `formal=${formalDir}`, casualText]);
    expect(alone.code).toBe(0);
    expect((JSON.parse(alone.stdout) as Record<string, unknown>[])[0]?.author).toBeNull();
  }, 60_000);

  it("exits 2 on usage errors", async () => {
    expect((await run(["fingerprint", ...formalFiles])).code).toBe(2); // no --out
    expect((await run(["fingerprint", "--register", "poem", "--out", fpFile, ...formalFiles])).code).toBe(2);
    expect((await run(["compare", casualText])).code).toBe(2); // no --fingerprint
    expect((await run(["compare", "--fingerprint", casualText, casualText])).code).toBe(2); // not a fingerprint
    expect((await run(["attribute", casualText])).code).toBe(2); // no candidates
    expect((await run(["attribute", "--candidate", "formal", casualText])).code).toBe(2);
    expect((await run(["attribute", "--candidate", `x=${missing}`, casualText])).code).toBe(2);
  }, 120_000);
});
