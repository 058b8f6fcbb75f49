// extractArticle's throughput in a process of its own (see extract-throughput.ts).
// Usage: extract-child.ts '{"sizes":[500000,2000000],"runs":3}'; the figures as JSON on stdout, progress on stderr.
import { type ExtractionOptions, measureExtraction } from './extract-throughput';

const options = JSON.parse(process.argv[2] ?? '{}') as ExtractionOptions;
const figures = measureExtraction(options, (line) => process.stderr.write(`${line}\n`));
process.stdout.write(`${JSON.stringify(figures)}\n`);
