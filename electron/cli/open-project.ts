import { GainsayError } from '../../shared/errors';
import { Backend } from '../backend/backend';
import type { ProjectOptions } from '../backend/project';

/** Opens a project; a refused file that a clean copy can rescue says how to make one. */
export function openProject(projectFile: string, options: ProjectOptions = {}): Backend {
  try {
    return Backend.open(projectFile, options);
  } catch (error) {
    if (error instanceof GainsayError && error.code === 'untrusted') {
      const copy = projectFile.replace(/(\.gainsay)?$/i, ' (clean copy).gainsay');
      throw new GainsayError('untrusted', `${error.message}\nTo make one: gainsay clean-copy --project ${JSON.stringify(projectFile)} --out ${JSON.stringify(copy)}`);
    }
    throw error;
  }
}
