import { describe, expect, it } from "vitest";
import { AUTHORSHIP_CALIBRATION, compareText, describeDeviation, sigmoid } from "./compare";
import { buildFingerprint } from "./fingerprint";
import { STYLE_FEATURES } from "./stylometry";
import { sameWriterLogit } from "./stylometry-model";
import { casualSample, formalSample } from "./stylometry-test-texts";

const formal = buildFingerprint([0, 1, 2, 3].map((i) => ({ id: `f${i}`, text: formalSample(i) })), { register: "essay" });
const feature = (name: string) => {
  const f = STYLE_FEATURES.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

describe("compare", () => {
  it("gives the writer's own style a high probability and another style a low one", () => {
    const own = compareText(formalSample(5), formal);
    const other = compareText(casualSample(5), formal);
    expect(own.matchProbability).toBeGreaterThan(0.75);
    expect(own.verdict).toBe("match");
    expect(other.matchProbability).toBeLessThan(0.25);
    expect(other.verdict).toBe("no-match");
  });

  it("names the habits where the text departs, in words, shaped like reasons", () => {
    const r = compareText(casualSample(5), formal);
    expect(r.deviations.length).toBeGreaterThan(0);
    const nt = r.deviations.find((d) => d.feature === "contraction:nt");
    expect(nt).toMatchObject({ direction: "higher" });
    expect(nt?.value).toBeGreaterThan(nt?.norm ?? Infinity);
    for (const d of r.deviations) {
      expect(Object.keys(d).sort()).toEqual(["description", "direction", "feature", "norm", "value"]);
      expect(d.description).toMatch(/^you use /);
    }
  });

  it("phrases ratios the way a person would", () => {
    const semi = feature("punct:semicolon");
    expect(describeDeviation(semi, 0.004, 0.001)).toMatch(/^you use semicolons four times as often as usual/);
    expect(describeDeviation(semi, 0.002, 0.001)).toMatch(/twice as often as usual/);
    expect(describeDeviation(semi, 0.0005, 0.001)).toMatch(/half as often as usual/);
    expect(describeDeviation(semi, 0.00025, 0.001)).toMatch(/a quarter as often as usual/);
    expect(describeDeviation(semi, 0, 0.001)).toMatch(/^you use no semicolons here, though you usually use 1\.0 per 1,000 words/);
    expect(describeDeviation(feature("opener:i"), 0.3, 0.1)).toMatch(/three times as often as usual \(30 per 100 sentences against 10 per 100 sentences\)/);
  });

  it("abstains on short texts and small fingerprints, with a probability all the same", () => {
    const short = compareText("I can't believe it's Friday already! Just grab some snacks.", formal);
    expect(short.verdict).toBe("uncertain");
    expect(short.uncertainBecause).toBe("short-text");
    expect(short.matchProbability).toBeGreaterThanOrEqual(0);
    expect(short.matchProbability).toBeLessThanOrEqual(1);
    const tiny = buildFingerprint([{ id: "t", text: formalSample(0, 2) }]);
    const r = compareText(formalSample(4), tiny);
    expect(r.verdict).toBe("uncertain");
    expect(r.uncertainBecause).toBe("small-fingerprint");
  });

  it("does not call a text in another register a no-match", () => {
    const r = compareText(casualSample(5), formal, { register: "email" });
    expect(r.registerMismatch).toBe(true);
    expect(r.verdict).toBe("uncertain");
    expect(r.uncertainBecause).toBe("register-mismatch");
  });

  it("calibration is monotone: a higher score never lowers the probability", () => {
    for (const register of [...Object.keys(AUTHORSHIP_CALIBRATION.logistic), "fiction", null]) {
      let last = -Infinity;
      for (let s = -40; s <= 40; s += 0.5) {
        const p = sigmoid(sameWriterLogit(AUTHORSHIP_CALIBRATION, s, register));
        expect(p).toBeGreaterThanOrEqual(last);
        last = p;
      }
      expect(sigmoid(sameWriterLogit(AUTHORSHIP_CALIBRATION, 40, register))).toBeGreaterThan(sigmoid(sameWriterLogit(AUTHORSHIP_CALIBRATION, -40, register)));
    }
  });

  it("is deterministic", () => {
    expect(compareText(casualSample(3), formal)).toEqual(compareText(casualSample(3), formal));
  });
});
