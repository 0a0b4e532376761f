/** The project file named on a command line: `--project FILE`, `--project=FILE`, or a bare `*.gainsay`. */
export function projectFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--project') return argv[i + 1];
    if (arg.startsWith('--project=')) return arg.slice('--project='.length);
  }
  return argv.find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.gainsay'));
}
