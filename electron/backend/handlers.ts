import type { Handlers } from './context';
import { actorHandlers } from './features/actors/handlers';
import { annotationImportHandlers } from './features/annotation-imports/handlers';
import { annotationHandlers } from './features/annotations/handlers';
import { articleHandlers } from './features/articles/handlers';
import { candidateHandlers } from './features/candidates/handlers';
import { claimListHandlers } from './features/claims/handlers';
import { jobHandlers } from './features/jobs/handlers';
import { linkHandlers } from './features/links/handlers';
import { projectHandlers } from './features/project';
import { suggestionHandlers } from './features/suggestions/handlers';

/** Every backend method. The type makes a missing or mistyped handler a compile error. */
export const handlers: Handlers = {
  ...projectHandlers,
  ...actorHandlers,
  ...articleHandlers,
  ...annotationHandlers,
  ...linkHandlers,
  ...claimListHandlers,
  ...candidateHandlers,
  ...suggestionHandlers,
  ...jobHandlers,
  ...annotationImportHandlers,
};
