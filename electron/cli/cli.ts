/**
 * The `gainsay` command. Each subcommand runs the same backend as the desktop app.
 */
import { parseArgs } from 'node:util';
import { GainsayError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { Backend } from '../backend/backend';
import { defaultProjectPath } from '../backend/paths';
import { importPaths } from './import-paths';
import { parsePort, serveBrowserMode } from './serve';

const USAGE = `Gainsay ${APP_VERSION}: who claimed what, where, and which claims contradict each other.

Usage:
  gainsay serve [--project FILE] [--port N]   serve the app in your browser (127.0.0.1 only)
  gainsay import [--project FILE] PATH...     import .txt .md .html .pdf .docx files and folders
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
        options: { project: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      });
      if (positionals.length === 0) throw new Error('import needs at least one file or folder.');
      return runImport(values.project ?? defaultProjectPath(), positionals);
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

/** Prints one line per file; exits 1 if any file was refused. */
async function runImport(projectFile: string, paths: string[]): Promise<number> {
  const backend = Backend.open(projectFile);
  try {
    const outcomes = await importPaths(backend.project.db, paths, (outcome) => {
      console.log(`${LABEL[outcome.status]}  ${outcome.name}: ${outcome.message}`);
    });
    const count = (status: string) => outcomes.filter((o) => o.status === status).length;
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
