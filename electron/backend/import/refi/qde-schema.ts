import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML } from 'xmllint-wasm';

/**
 * The REFI-QDA project schema (QDA-XML 1.0, MIT, its licence in the file), beside this module in
 * the sources and beside each bundle in dist/ (scripts/build-node.mjs copies it there).
 */
const QDE_SCHEMA_FILE = 'Project-mrt2019.xsd';

let schema: string | null = null;
function schemaText(): string {
  // A bundle has __dirname; the sources run as ES modules (the test runners) have import.meta.
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  schema ??= fs.readFileSync(path.join(here, QDE_SCHEMA_FILE), 'utf8');
  return schema;
}

const SCHEMA_NAME = 'does not follow the REFI-QDA project schema (QDA-XML 1.0)';

/** WebAssembly pages (64 KiB) for libxml2: its 16 MiB default, and room for a document this size as a tree. */
const memoryFor = (xml: string) => Math.min(65_536, 256 + Math.ceil((xml.length * 16) / 65_536));

/**
 * Where a project.qde departs from the QDA-XML schema, as xmllint (libxml2, compiled to
 * WebAssembly, run offline in a worker thread) reports it, a line per problem; none when it
 * validates.
 */
export async function qdeSchemaProblems(xml: string): Promise<string[]> {
  const pages = memoryFor(xml);
  const result = await validateXML({
    xml: [{ fileName: 'project.qde', contents: xml }],
    schema: [{ fileName: QDE_SCHEMA_FILE, contents: schemaText() }],
    initialMemoryPages: pages,
    maxMemoryPages: pages,
  });
  if (result.valid) return [];
  const problems = result.errors.filter((e) => e.loc).map((e) => `project.qde line ${e.loc!.lineNumber} ${SCHEMA_NAME}: ${e.message.replace(/^Schemas validity error : /, '')}`);
  return problems.length ? problems : [`project.qde ${SCHEMA_NAME}`];
}
