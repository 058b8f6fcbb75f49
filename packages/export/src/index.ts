export { writeJsonLines, type ExportCounts } from './jsonl';
export { writeCsvFiles, CSV_FILES, CSV_COLUMNS } from './csv';
export { writeStixBundle } from './stix';
export { type StixObject } from './stix-common';
export { SITREP_NAMESPACE, stixId } from './stix-ids';
export { stixViolations } from './stix-rules';
export { recordsOf, RECORD_TYPES, type ExportRecord, type ExportOptions, type RecordType } from './records';
