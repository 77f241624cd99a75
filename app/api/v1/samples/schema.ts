import { z } from "zod";
import { REGISTERS } from "@/lib/analysis/fingerprint";

export const registerSchema = z.enum(REGISTERS, { message: `must be one of ${REGISTERS.join(", ")}` });
const title = z.string().trim().min(1, "cannot be empty").max(120, "at most 120 characters");

/** POST with a file body: what the file is, in the query (the body is the file itself). */
export const uploadQuerySchema = z.object({
  register: registerSchema.default("other"),
  title: title.optional(),
  filename: z.string().max(1000).optional(),
});

/** POST with a JSON body: pasted text. */
export const pasteBodySchema = z.object({
  text: z.string().min(1, "paste some text").max(5_000_000, "too long for one sample"),
  register: registerSchema.default("other"),
  title: title.optional(),
});
