import { z } from "zod";

export const analysisParamsSchema = z.object({ id: z.string().uuid() });
