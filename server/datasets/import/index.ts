// The dataset-import reading layer: from a file path to normalised samples, without a database. See README.md.
export { applyMapping, type MappedRow } from "./apply-mapping";
export { ColumnPathSyntaxError, parseColumnPath, resolveColumnPath } from "./column-path";
export { detectContainer } from "./detect-container";
export { DatasetFileError, formatRowError } from "./errors";
export { checkImagePaths, type ImageProblem } from "./image-checks";
export { columnMappingSchema } from "./mapping-schema";
export { previewFile, type FilePreview, type PreviewOptions, type PreviewedSample, type SourcePreview } from "./preview";
export { readDatasetList } from "./read-dataset-list";
export { readJsonArrayRows } from "./read-json-array";
export { readJsonlRows } from "./read-jsonl";
export { readParquetRows, readParquetSchema } from "./read-parquet";
export { listDatasetSources, readSourceRows } from "./sources";
export { suggestMapping, type MappingSuggestion } from "./suggest-mapping";
export type * from "./types";
