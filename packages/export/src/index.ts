export { writeJsonLines, type ExportCounts } from './jsonl';
export { writeCsvFiles, CSV_FILES, CSV_COLUMNS } from './csv';
export { recordsOf, RECORD_TYPES, type ExportRecord, type ExportOptions, type RecordType } from './records';
