import { z } from "zod";
import { draftTextSchema, draftTitleSchema } from "../schema";

export const draftParamsSchema = z.object({ id: z.string().uuid() });

/** Autosave: the version the client edited, and what changed. */
export const draftSaveSchema = z
  .object({
    version: z.number().int().positive(),
    title: draftTitleSchema.optional(),
    text: draftTextSchema.optional(),
  })
  .refine((v) => v.title !== undefined || v.text !== undefined, { message: "Nothing to save: send a title or a text." });
