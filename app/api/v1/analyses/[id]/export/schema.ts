import { z } from "zod";
import { EXPORT_FORMATS } from "@/lib/workspace/export-analysis";

export { analysisParamsSchema } from "../schema";

export const exportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(", ")}` }).default("json"),
});
