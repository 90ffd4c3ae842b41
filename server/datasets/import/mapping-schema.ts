import "server-only";
import { z } from "zod";
import { ColumnPathSyntaxError, parseColumnPath } from "./column-path";
import type { ColumnMapping } from "./types";

const columnPathSchema = z.string().superRefine((path, context) => {
  try {
    parseColumnPath(path);
  } catch (error) {
    if (!(error instanceof ColumnPathSyntaxError)) throw error;
    context.addIssue({ code: "custom", message: error.message });
  }
});
const fieldMappingSchema = z.union([columnPathSchema, z.array(columnPathSchema).min(1)]);

/** A user-edited ColumnMapping as tRPC input or a stored job payload: known fields only, every path well-formed. */
export const columnMappingSchema: z.ZodType<ColumnMapping> = z
  .object({
    externalId: fieldMappingSchema.optional(),
    question: fieldMappingSchema.optional(),
    answer: fieldMappingSchema.optional(),
    images: fieldMappingSchema.optional(),
    trace: fieldMappingSchema.optional(),
    systemPrompt: fieldMappingSchema.optional(),
    source: fieldMappingSchema.optional(),
    verdict: fieldMappingSchema.optional(),
    messages: columnPathSchema.optional(),
  })
  .strict();
