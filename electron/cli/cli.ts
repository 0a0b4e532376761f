/**
 * The `gainsay` command. Each subcommand runs the same backend as the desktop app.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../../shared/export/formats';
import { SUGGEST_JOB_LABEL, type ImportJobResult, type JobSnapshot } from '../../shared/jobs';
import type { ExportOptions } from '../backend/export/export-project';
import { GainsayError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { describeCopied, makeCleanCopy } from '../backend/db/clean-copy';
import { openProject } from './open-project';
import { defaultProjectPath } from '../backend/paths';
import { commandLineHost, runJob, showProgress } from './run-job';
import { parseKind, parseLimit, runCandidates } from './candidates';
import { parsePort, serveBrowserMode } from './serve';

const USAGE = `Gainsay ${APP_VERSION}: who claimed what, where, and which claims contradict each other.

Usage:
  gainsay serve [--project FILE] [--port N]   serve the app in your browser (127.0.0.1 only)
  gainsay import [--project FILE] [--mapping MAPPING.json] PATH...
                                              import .txt .md .html .pdf .docx files and folders,
                                              a Gainsay project .json export (merged by id), a
                                              brat folder (.ann beside .txt; --mapping says which
                                              brat types are claims, actors and links), W3C
                                              Web Annotation (.jsonld, texts beside it) or a
                                              REFI-QDA .qdpx (--mapping: which codes are actors)
  gainsay export [--project FILE] --format FORMAT --out PATH [--articles ID,...] [--bom] [--raw]
                                              write the project as ${EXPORT_FORMATS.join(', ')}
                                              (CSV: --bom for Excel; --raw keeps cells starting
                                              with = + - @ as they are, without a leading ')
  gainsay clean-copy --project FILE --out NEW  copy the articles, actors, claims and links of a
                                              project file Gainsay refused into a new project,
                                              leaving out everything else (listed)
  gainsay candidates [--project FILE] --out FILE.jsonl [--kind contradicts|corroborates] [--limit N]
                                              write the claim pairs worth a look, best first, one JSON
                                              object per line: a, b (claim ids), kind, score, reasons
  gainsay suggest [--project FILE] --out FILE.jsonl [--articles ID...]
                                              suggest who said what in the articles (all of
                                              them, or those named) as JSON Lines
  gainsay help                                this text

Without --project the default project is used: ${defaultProjectPath()}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, port: { type: 'string' } },
        strict: true,
      });
      await serveBrowserMode(values.project ?? defaultProjectPath(), parsePort(values.port));
      return -1; // keeps running
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, mapping: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      if (positionals.length === 0) throw new Error('import needs at least one file or folder.');
      return runImport(values.project ?? defaultProjectPath(), positionals, values.mapping);
    }
    case 'export': {
      const { values } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, articles: { type: 'string' }, bom: { type: 'boolean' }, raw: { type: 'boolean' } },
        strict: true,
      });
      const format = values.format;
      if (!isExportFormat(format)) throw new Error(`export needs --format, one of: ${EXPORT_FORMATS.join(', ')}.`);
      if (!values.out) throw new Error('export needs --out, the file or folder to write.');
      const articleIds = values.articles?.split(',').map((id) => id.trim()).filter(Boolean);
      return runExport(values.project ?? defaultProjectPath(), format, values.out, { articleIds, bom: values.bom, raw: values.raw });
    }
    case 'clean-copy': {
      const { values } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, out: { type: 'string' } },
        strict: true,
      });
      if (!values.project) throw new Error('clean-copy needs --project, the file to copy.');
      if (!values.out) throw new Error('clean-copy needs --out, the new project file to write.');
      return runCleanCopy(values.project, values.out);
    }
    case 'candidates': {
      const { values } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, kind: { type: 'string' }, limit: { type: 'string' }, out: { type: 'string' } },
        strict: true,
      });
      if (!values.out) throw new Error('candidates needs --out, the .jsonl file to write.');
      return runCandidates(values.project ?? defaultProjectPath(), values.out, { kind: parseKind(values.kind), limit: parseLimit(values.limit) });
    }
    case 'suggest': {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { project: { type: 'string' }, out: { type: 'string' }, articles: { type: 'string', multiple: true } },
        strict: true,
        allowPositionals: true,
      });
      if (!values.out) throw new Error('suggest needs --out, the .jsonl file to write.');
      // --articles takes ids separated by commas or spaces: --articles A,B or --articles A B.
      if (positionals.length > 0 && !values.articles) throw new Error(`suggest takes no other arguments (got “${positionals[0]}”); name articles with --articles ID...`);
      const articleIds = values.articles ? [...values.articles, ...positionals].flatMap((ids) => ids.split(',')).map((id) => id.trim()).filter(Boolean) : undefined;
      if (articleIds && articleIds.length === 0) throw new Error('--articles needs at least one article id.');
      return runSuggest(values.project ?? defaultProjectPath(), values.out, articleIds);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    case '--version':
      console.log(APP_VERSION);
      return 0;
    default:
      console.error(`gainsay: unknown command “${command}”.\n\n${USAGE}`);
      return 2;
  }
}

const LABEL = { imported: 'imported ', duplicate: 'duplicate', refused: 'refused  ' } as const;

function runCleanCopy(source: string, out: string): number {
  const report = makeCleanCopy(source, out);
  console.log(`clean copy written to ${path.resolve(out)}: ${describeCopied(report)}`);
  for (const line of [...report.renamed, ...report.dropped]) console.log(`  ${line}`);
  console.log(report.dropped.length ? `${report.dropped.length} left out; the original was not changed.` : 'Nothing was left out; the original was not changed.');
  return 0;
}

/** A job that failed ends the command with its reason; a cancelled one says what it left. */
function jobEnd(job: JobSnapshot): number | null {
  if (job.state === 'failed') throw new Error(job.error ?? job.message);
  if (job.state === 'cancelled') {
    console.error(job.message);
    return 130;
  }
  return null;
}

async function runExport(projectFile: string, format: ExportFormat, out: string, options: ExportOptions): Promise<number> {
  const backend = openProject(projectFile);
  try {
    const job = await runJob(backend, 'exports.start', { format, ...options }, commandLineHost({ out }));
    const ended = jobEnd(job);
    if (ended !== null) return ended;
    console.log(`exported ${backend.project.name} as ${format} to ${path.resolve(out)}`);
    if (job.result?.kind === 'export' && job.result.notice) console.log(job.result.notice);
    return 0;
  } finally {
    backend.close();
  }
}

async function runSuggest(projectFile: string, out: string, articleIds: string[] | undefined): Promise<number> {
  // Loaded on demand: the language model is a few megabytes that no other command needs.
  const { writeSuggestions } = await import('../backend/assist/suggest-lines');
  const backend = openProject(projectFile);
  try {
    const report = writeSuggestions(backend.project.db, out, articleIds, (done, total) => showProgress(`${SUGGEST_JOB_LABEL}: ${done} of ${total} articles`));
    showProgress(null);
    for (const skipped of report.skipped) console.log(`skipped    ${skipped.title || skipped.id}: ${skipped.reason}`);
    const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
    console.log(`${count(report.suggestions, 'suggestion')} from ${count(report.articles, 'article')} written to ${path.resolve(out)}`);
    return 0;
  } finally {
    backend.close();
  }
}

/**
 * Prints one line per file or annotated document (and per conflict of a merged project JSON, per
 * annotation that could not be anchored); exits 1 if any file was refused. Stopped with Ctrl+C,
 * it lists the files it did not reach.
 */
async function runImport(projectFile: string, paths: string[], mappingFile?: string): Promise<number> {
  const backend = openProject(projectFile);
  try {
    const job = await runJob(backend, 'imports.start', {}, commandLineHost({ paths, mappingFile }));
    const result = job.result as ImportJobResult | null;
    for (const outcome of result?.outcomes ?? []) {
      for (const document of outcome.documents ?? []) console.log(`document   ${document}`);
      console.log(`${LABEL[outcome.status]}  ${outcome.name}: ${outcome.message}`);
      for (const conflict of outcome.conflicts ?? []) console.log(`conflict   ${conflict}`);
      for (const left of outcome.unanchored ?? []) console.log(`unanchored ${left}`);
    }
    for (const name of result?.notReached ?? []) console.log(`not reached ${name}`);
    const ended = jobEnd(job);
    if (ended !== null) return ended;
    const count = (status: string) => (result?.outcomes ?? []).filter((o) => o.status === status).length;
    console.log(`${count('imported')} imported, ${count('duplicate')} skipped as duplicates, ${count('refused')} refused.`);
    return count('refused') > 0 ? 1 : 0;
  } finally {
    backend.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`gainsay: ${error instanceof GainsayError || error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
