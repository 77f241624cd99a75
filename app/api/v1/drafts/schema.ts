import { z } from "zod";

/** 2 million characters, about 300,000 words: far beyond any draft, well under the body limit. */
export const DRAFT_MAX_CHARS = 2_000_000;
export const DRAFT_BODY_BYTES = 8 * 1024 * 1024;

export const draftTitleSchema = z.string().trim().min(1, "cannot be empty").max(200, "at most 200 characters");
export const draftTextSchema = z.string().max(DRAFT_MAX_CHARS, "this draft is too long; split it");

export const draftCreateSchema = z.object({ title: draftTitleSchema.optional(), text: draftTextSchema.default("") });
