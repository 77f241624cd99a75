import { z } from "zod";

export const documentQuerySchema = z.object({ filename: z.string().max(1000).optional() });
