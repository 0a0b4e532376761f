/**
 * The `gainsay` command. Each subcommand runs the same backend as the desktop app.
 */
import { parseArgs } from 'node:util';
import { GainsayError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { defaultProjectPath } from '../backend/paths';
import { parsePort, serveBrowserMode } from './serve';

const USAGE = `Gainsay ${APP_VERSION}: who claimed what, where, and which claims contradict each other.

Usage:
  gainsay serve [--project FILE] [--port N]   serve the app in your browser (127.0.0.1 only)
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`gainsay: ${error instanceof GainsayError || error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
