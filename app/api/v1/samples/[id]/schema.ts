import { z } from "zod";
import { registerSchema } from "../schema";

export const sampleParamsSchema = z.object({ id: z.string().uuid() });

export const sampleUpdateSchema = z
  .object({
    title: z.string().trim().min(1, "cannot be empty").max(120, "at most 120 characters").optional(),
    register: registerSchema.optional(),
  })
  .refine((v) => v.title !== undefined || v.register !== undefined, { message: "Nothing to change: send a title or a register." });
