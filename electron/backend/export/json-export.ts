import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, SECTIONS } from '../../../shared/export/project-format';
import { APP_VERSION } from '../../../shared/version';
import type { ProjectRecords } from './records';

/**
 * The project as Gainsay project JSON, as a stream of chunks: one record at a time, so a project
 * of 100,000 claims is never one string in memory.
 */
export function* projectJson(records: ProjectRecords, projectName: string, exportedAt: string): Generator<string> {
  const header = { format: PROJECT_FORMAT, formatVersion: PROJECT_FORMAT_VERSION, appVersion: APP_VERSION, exportedAt, project: { name: projectName } };
  yield JSON.stringify(header, null, 2).slice(0, -2);
  for (const section of SECTIONS) {
    yield `,\n  "${section}": [`;
    let first = true;
    for (const record of records.sectionJson(section)) {
      yield `${first ? '' : ','}\n    ${record}`;
      first = false;
    }
    yield first ? ']' : '\n  ]';
  }
  yield '\n}\n';
}
