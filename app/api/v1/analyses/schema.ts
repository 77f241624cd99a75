import { z } from "zod";

/** Room for the longest text analysed (200,000 words, about 1.2 MB) with margin for JSON escaping. */
export const ANALYSIS_BODY_BYTES = 4 * 1024 * 1024;

export const analysisCreateSchema = z.object({
  // Words are what is limited (413 over 200,000, in submitAnalysis); this only bounds the characters.
  text: z.string().min(1, "there is no text to analyse").max(4_000_000, "too long to analyse at once"),
  title: z.string().trim().min(1, "cannot be empty").max(200, "at most 200 characters").optional(),
});

const VERDICTS = ["human", "ai", "mixed", "uncertain"] as const;
const probability = z.coerce.number().min(0, "between 0 and 1").max(1, "between 0 and 1");

/** History filters, from the query string. */
export const analysisListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    verdict: z.union([z.enum(VERDICTS), z.array(z.enum(VERDICTS))]).optional(),
    min: probability.optional(),
    max: probability.optional(),
    from: z.coerce.date({ message: "a date, e.g. 2026-01-31" }).optional(),
    to: z.coerce.date({ message: "a date, e.g. 2026-01-31" }).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, { message: "must not be above max", path: ["min"] });
