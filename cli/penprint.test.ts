import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeText } from "./read-inputs";

const TSX = path.resolve(__dirname, "..", "node_modules", ".bin", "tsx");
const CLI = path.resolve(__dirname, "penprint.ts");

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, [CLI, ...args], { encoding: "utf8" }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? "");
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "penprint-cli-"));
const essay = path.join(dir, "essay.txt");
writeFileSync(essay, `Last summer my brother and I drove up the coast in a car that should have been scrapped years ago.
The radio only picked up one station, which played country songs and weather reports, so we talked instead. We
argued about whether the lighthouse near the border was open to visitors (it wasn't), and we got lost twice looking
for a diner that a friend swore served the best pie in the state. When we finally found it the pie was fine, honestly
nothing special, but the waitress told us about a beach nobody goes to, and we spent the whole afternoon there.`);
const binary = path.join(dir, "image.bin");
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));

describe("penprint detect", () => {
  it("prints one JSON array with the documented shape, in input order, with errors inline", async () => {
    const r = await run(["detect", "--json", essay, "-", path.join(dir, "missing.txt"), binary], "Too short to judge.");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.map((x) => x.file)).toEqual([essay, "-", path.join(dir, "missing.txt"), binary]);
    const [first, second, missing, bin] = out;
    expect(Object.keys(first ?? {}).sort()).toEqual(["aiProbability", "file", "reasons", "sentences", "verdict", "words"]);
    expect(first?.words).toBeGreaterThan(80);
    expect(typeof first?.aiProbability).toBe("number");
    const s0 = (first?.sentences as Record<string, unknown>[])[0];
    expect(Object.keys(s0 ?? {}).sort()).toEqual(["aiProbability", "end", "reasons", "start"]);
    expect(second?.verdict).toBe("uncertain");
    expect(missing?.error).toEqual({ code: "not_found", message: "no such file" });
    expect((bin?.error as { code: string }).code).toBe("binary");
    expect(r.stderr).toMatch(/missing\.txt/);
  }, 60_000);

  it("exits 0 when every input is analysed, and prints readable text without --json", async () => {
    const r = await run(["detect", essay]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AI probability \d+ %/);
  }, 60_000);

  it("exits 2 on usage errors", async () => {
    expect((await run(["detect"])).code).toBe(2);
    expect((await run(["detect", "--nope", essay])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run([])).code).toBe(2);
  }, 60_000);
});

describe("decodeText", () => {
  it("rejects empty, whitespace-only, NUL-containing and invalid UTF-8 input", () => {
    expect(decodeText(Buffer.from(""))).toEqual({ error: { code: "empty", message: "the input is empty" } });
    expect("error" in decodeText(Buffer.from("  \n "))).toBe(true);
    expect("error" in decodeText(Buffer.from([0x61, 0, 0x62]))).toBe(true);
    expect("error" in decodeText(Buffer.from([0xff, 0xfe, 0xfd]))).toBe(true);
    expect(decodeText(Buffer.from("\uFEFFhello"))).toEqual({ text: "hello" });
  });
});
