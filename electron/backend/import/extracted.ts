import type { ArticleMeta, SourceKind } from '../../../shared/domain';

/** What an extractor found in a file: the text to store (before normalisation) and metadata. */
export interface Extracted {
  text: string;
  meta: Partial<ArticleMeta>;
  kind: SourceKind;
}
