import { GainsayError } from '../../../shared/errors';
import { isRecordId } from '../../../shared/export/record-id';

/**
 * An article's file name in an export (brat's .txt/.ann, REFI-QDA's sources/…): its id, which is
 * only ever a UUID when Gainsay made it (checked as a project JSON import checks ids). An id read
 * from a file is untrusted: anything else (`../../x`, a slash, a drive letter) could name a file
 * outside the export, so the export stops.
 */
export function articleFileName(article: { id: string; title: string }, extension: string): string {
  if (!isRecordId(article.id)) {
    throw new GainsayError(
      'invalid_input',
      `The article “${article.title.slice(0, 80)}” has the id ${JSON.stringify(article.id.slice(0, 80))}, which is not one Gainsay makes (the project file was written by another program), so it cannot name a file; nothing was exported.`,
    );
  }
  return `${article.id}.${extension}`;
}
