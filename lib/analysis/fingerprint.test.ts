import { describe, expect, it } from "vitest";
import {
  FINGERPRINT_SCHEMA_VERSION, addSample, buildFingerprint, confidenceLevel, fingerprintConfidence,
  parseFingerprint, removeSample, serializeFingerprint,
} from "./fingerprint";
import { casualSample, formalSample } from "./stylometry-test-texts";

const samples = [0, 1, 2, 3].map((i) => ({ id: `s${i}`, text: formalSample(i) }));

describe("fingerprint", () => {
  it("sums words over samples and records schema and register", () => {
    const fp = buildFingerprint(samples, { register: "essay" });
    expect(fp.schemaVersion).toBe(FINGERPRINT_SCHEMA_VERSION);
    expect(fp.register).toBe("essay");
    expect(fp.samples.map((s) => s.id)).toEqual(["s0", "s1", "s2", "s3"]);
    expect(fp.totals.words).toBe(fp.samples.reduce((a, s) => a + s.moments.words, 0));
    // samples are stored sparsely: only the features that occur in them
    expect(fp.samples[0]!.moments.index.length).toBeLessThan(fp.totals.counts.length / 2);
    expect(fp.totals.words).toBeGreaterThan(500);
  });

  it("survives a JSON round trip unchanged", () => {
    const fp = buildFingerprint(samples, { register: "email" });
    const back = parseFingerprint(serializeFingerprint(fp));
    expect(back).toEqual(fp);
    expect(serializeFingerprint(back)).toBe(serializeFingerprint(fp));
  });

  it("rejects JSON that is not a fingerprint of this schema", () => {
    const fp = buildFingerprint(samples);
    expect(() => parseFingerprint({ ...fp, schemaVersion: 99 })).toThrow(/fingerprint/);
    expect(() => parseFingerprint({ ...fp, totals: { ...fp.totals, counts: [1, 2] } })).toThrow(/totals/);
    expect(() => parseFingerprint("[]")).toThrow();
    const s0 = fp.samples[0]!;
    const shuffled = { ...s0, moments: { ...s0.moments, index: [...s0.moments.index].reverse() } };
    expect(() => parseFingerprint({ ...fp, samples: [shuffled, ...fp.samples.slice(1)] })).toThrow(/ascending/);
  });

  it("adding a sample equals a rebuild", () => {
    const base = buildFingerprint(samples.slice(0, 3));
    const grown = addSample(base, samples[3]!);
    expect(grown).toEqual(buildFingerprint(samples));
  });

  it("removing a sample equals a rebuild, in any order", () => {
    const full = buildFingerprint(samples);
    expect(removeSample(full, "s1")).toEqual(buildFingerprint(samples.filter((s) => s.id !== "s1")));
    const twice = removeSample(removeSample(full, "s3"), "s0");
    expect(twice).toEqual(buildFingerprint([samples[1]!, samples[2]!]));
    expect(removeSample(full, "nope")).toEqual(full);
  });

  it("adding a sample with an existing id replaces it", () => {
    const full = buildFingerprint(samples);
    const replaced = addSample(full, { id: "s2", text: casualSample(0) });
    const expected = buildFingerprint(samples.map((s) => (s.id === "s2" ? { id: "s2", text: casualSample(0) } : s)));
    expect(replaced).toEqual(expected);
  });

  it("refuses duplicate ids in a build", () => {
    expect(() => buildFingerprint([samples[0]!, samples[0]!])).toThrow(/duplicate/);
  });

  it("grows in confidence with the words behind it", () => {
    const one = fingerprintConfidence(buildFingerprint(samples.slice(0, 1)));
    const four = fingerprintConfidence(buildFingerprint(samples));
    const many = fingerprintConfidence(buildFingerprint(Array.from({ length: 40 }, (_, i) => ({ id: `x${i}`, text: formalSample(i) }))));
    expect(one).toBeGreaterThan(0);
    expect(four).toBeGreaterThan(one);
    expect(many).toBeGreaterThan(four);
    expect(many).toBeLessThan(1);
    expect(confidenceLevel(one)).toBe("low");
    expect(confidenceLevel(many)).toBe("high");
  });

  it("is deterministic and independent of sample order", () => {
    expect(buildFingerprint([...samples].reverse())).toEqual(buildFingerprint(samples));
  });
});
