import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { DEFAULT_WEIGHTS, contribution, prepare, rawScore, zScores, type DetectorWeights } from "./detector";
import { extract } from "./features/extract";

const ESSAY = `The bakery on our street opens at six. I go there most mornings, partly for the bread and partly
because the woman who runs it remembers everyone's name. Last winter she was ill for a month and the shop stayed
shut; people left notes in the door. When she came back there was a queue round the corner, and she cried a bit,
and then she told us all to hurry up because the rolls were getting cold. I don't think I've ever seen a shop
mean so much to so many people who barely talk to each other otherwise.`;

// one feature with hand-picked weights: 0.5·z, plus 2·(z − 1) above the knot and −1·(−1 − z) below it
const ONE: DetectorWeights = {
  ...DEFAULT_WEIGHTS, features: [DEFAULT_WEIGHTS.features[0] ?? ""], mean: [0], sd: [1], coef: [0.5], intercept: 0,
  zClip: 4, hinge: { knot: 1, above: [2], below: [-1] },
};

describe("detector contributions", () => {
  it("a feature's contribution is linear inside the knots and bends beyond them, after clipping", () => {
    expect(contribution(ONE, 0, 0.5)).toBeCloseTo(0.25);
    expect(contribution(ONE, 0, 1)).toBeCloseTo(0.5);
    expect(contribution(ONE, 0, 2)).toBeCloseTo(1 + 2 * 1);
    expect(contribution(ONE, 0, -3)).toBeCloseTo(-1.5 + -1 * 2);
    expect(contribution(ONE, 0, 10)).toBeCloseTo(contribution(ONE, 0, 4)); // clipped at zClip
    expect(contribution({ ...ONE, hinge: undefined }, 0, 2)).toBeCloseTo(1); // a model without hinge terms stays linear
  });

  it("the raw score is the intercept plus one contribution per feature", () => {
    const p = prepare(DEFAULT_WEIGHTS);
    const z = zScores(p, extract(ESSAY).values);
    let sum = DEFAULT_WEIGHTS.intercept;
    z.forEach((v, j) => { sum += contribution(DEFAULT_WEIGHTS, j, v); });
    expect(rawScore(p, z)).toBeCloseTo(sum, 10);
  });

  it("the shipped model has hinge terms for every feature", () => {
    const h = DEFAULT_WEIGHTS.hinge;
    expect(h?.knot).toBe(1);
    expect(h?.above).toHaveLength(DEFAULT_WEIGHTS.features.length);
    expect(h?.below).toHaveLength(DEFAULT_WEIGHTS.features.length);
  });

  it("reasons are the features with the largest contributions toward the verdict's side, largest first", () => {
    const a = analyze(ESSAY);
    const p = prepare(DEFAULT_WEIGHTS);
    const z = zScores(p, extract(ESSAY).values);
    const sign = a.aiProbability >= 0.5 ? 1 : -1;
    const ranked = DEFAULT_WEIGHTS.features
      .map((name, j) => ({ name, c: sign * contribution(DEFAULT_WEIGHTS, j, z[j] ?? 0) }))
      .filter((x) => x.c > 0.05)
      .sort((x, y) => y.c - x.c);
    expect(a.reasons.length).toBeGreaterThan(0);
    expect(a.reasons.map((r) => r.feature)).toEqual(ranked.slice(0, a.reasons.length).map((x) => x.name));
  });
});
