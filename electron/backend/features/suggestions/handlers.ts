import type { Handlers } from '../../context';
import { rejectSuggestion, suggestionsForArticle } from './repository';

export const suggestionHandlers: Pick<Handlers, 'suggestions.forArticle' | 'suggestions.reject'> = {
  'suggestions.forArticle': (input, { project }) => suggestionsForArticle(project.db, input.articleId),
  'suggestions.reject': (input, { project }) => {
    rejectSuggestion(project.db, input);
    return { rejected: true };
  },
};
