import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { DEFAULT_WEIGHTS, calibrate, humanPercentile } from "./detector";
import { FEATURES } from "./features/registry";

const HUMAN = `ok so i finaly got around to fixing the bike yesterday. took me like three hours becuase the chain kept
slipping off and i didnt have the right tool for the back wheel, so i borrowed one from my neighbour who is a
retired plumber and has every tool known to man. anyway it rides now. the brakes squeak a bit but whatever, i'll
deal with that next weekend if it doesnt rain. my daughter wants to ride it to school on monday which is a whole
other thing since the road by the bakery has no bike lane and the buses go way too fast there honestly.`;

const MACHINE = `In today's fast-paced world, maintaining a bicycle is not only a practical skill but also a rewarding
endeavor. Regular maintenance plays a crucial role in ensuring safety, enhancing performance, and extending the
lifespan of your bike. Additionally, understanding the intricate interplay between the chain, gears, and brakes
empowers riders to navigate challenges with confidence. Furthermore, a well-maintained bicycle fosters a seamless
riding experience, allowing cyclists to fully embrace the freedom of the open road. Ultimately, investing time in
bicycle care is a testament to one's commitment to sustainable transportation. In conclusion, it is important to
remember that consistent, meticulous upkeep is the key to a safe, efficient, and enjoyable cycling journey.`;

describe("analyze", () => {
  it("scores a casual human text lower than a stock chat-model text", () => {
    const h = analyze(HUMAN);
    const m = analyze(MACHINE);
    expect(h.aiProbability).toBeLessThan(m.aiProbability);
    expect(h.verdict).not.toBe("ai");
    expect(m.aiProbability).toBeGreaterThan(0.5);
  });

  it("returns offsets, probabilities in [0,1] and reasons in the required shape", () => {
    const r = analyze(MACHINE);
    expect(r.words).toBeGreaterThan(80);
    expect(r.sentences.length).toBeGreaterThan(3);
    for (const s of r.sentences) {
      expect(MACHINE.slice(s.start, s.end).length).toBe(s.end - s.start);
      expect(s.aiProbability).toBeGreaterThanOrEqual(0);
      expect(s.aiProbability).toBeLessThanOrEqual(1);
    }
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) {
      expect(Object.keys(reason)).toEqual(expect.arrayContaining(["feature", "description", "value", "norm", "direction"]));
      expect(["higher", "lower"]).toContain(reason.direction);
      expect(reason.message).toMatch(/human writing/);
    }
    expect(Object.keys(r.features)).toHaveLength(FEATURES.length);
  });

  it("abstains on short text but still gives a probability", () => {
    const r = analyze("This is far too short to judge.");
    expect(r.verdict).toBe("uncertain");
    expect(r.abstention?.reason).toBe("short");
    expect(r.aiProbability).toBeGreaterThanOrEqual(0);
    expect(r.aiProbability).toBeLessThanOrEqual(1);
  });

  it("abstains on text that is not English", () => {
    const de = `Gestern bin ich mit meiner Schwester in die Stadt gefahren, weil wir ein Geschenk für unsere Mutter
kaufen wollten. Leider waren alle Geschäfte sehr voll, und wir mussten lange warten. Am Ende haben wir einen schönen
Schal gefunden, der ihr bestimmt gefallen wird. Danach haben wir in einem kleinen Café Kuchen gegessen und über die
alten Zeiten gesprochen. Es war ein langer, aber schöner Tag, und wir wollen das bald wiederholen, vielleicht schon
im nächsten Monat, wenn das Wetter besser ist und die Tage wieder länger werden.`;
    const r = analyze(de);
    expect(r.abstention?.reason).toBe("language");
    expect(r.verdict).toBe("uncertain");
  });

  it("is deterministic", () => {
    expect(analyze(MACHINE)).toEqual(analyze(MACHINE));
  });
});

describe("calibration and norms", () => {
  it("calibrated probability is monotone in the raw score", () => {
    let prev = -1;
    for (let s = -10; s <= 10; s += 0.5) {
      const p = calibrate(s, DEFAULT_WEIGHTS.documentCalibration);
      expect(p).toBeGreaterThan(prev);
      prev = p;
    }
  });

  it("human percentile is monotone and bounded", () => {
    const norm = { quantiles: [1, 2, 3] };
    const levels = [0.1, 0.5, 0.9];
    expect(humanPercentile(norm, levels, 0)).toBeLessThan(humanPercentile(norm, levels, 1.5));
    expect(humanPercentile(norm, levels, 2)).toBeCloseTo(0.5);
    expect(humanPercentile(norm, levels, 10)).toBeLessThanOrEqual(1);
  });

  it("shipped weights carry a version and a threshold above one half", () => {
    expect(DEFAULT_WEIGHTS.version).toMatch(/^detector-/);
    expect(DEFAULT_WEIGHTS.thresholds.ai).toBeGreaterThan(0.5);
    expect(DEFAULT_WEIGHTS.features.length).toBe(DEFAULT_WEIGHTS.coef.length);
  });
});
