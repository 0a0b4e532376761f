import { memo, useLayoutEffect, useMemo } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { OffsetMap } from '../../../shared/offsets';
import { textBlocks, type TextBlock } from '../../../shared/text/blocks';
import { TextIndex } from './text-index';

/** The id of the reading view's line saying how to move and select in the text by keyboard. */
export const ARTICLE_KEYS_HINT = 'article-text-keys';

/** Builds the whole document in the editor's one initial update: a paragraph per text block. */
function initialState(blocks: TextBlock[]) {
  return () => {
    const root = $getRoot();
    const paragraphs = blocks.map((block) => $createParagraphNode().append($createTextNode(block.text)));
    root.append(...paragraphs);
  };
}

/** Once rendered, indexes the DOM text nodes so selections map to stored-text offsets. */
function TextIndexPlugin({ offsets, blocks, headline, onIndex }: { offsets: OffsetMap; blocks: TextBlock[]; headline: number; onIndex: (index: TextIndex) => void }) {
  const [editor] = useLexicalComposerContext();
  // In the commit that adds the text: the index, and the highlights painted with it, are then
  // ready in the task that draws the text, not in a later one (a frame in between would show
  // the text without its highlights).
  useLayoutEffect(() => {
    // Lexical usually has the DOM in place by now; if not, index after its first reconciliation.
    const tryBuild = () => {
      const keys = editor.getEditorState().read(() => $getRoot().getChildrenKeys());
      const elements = keys.map((key) => editor.getElementByKey(key));
      if (elements.some((e) => e === null)) return false;
      // The read-only document is never reconciled again, so the class stays on the headline's
      // paragraph, until the article's details name another line as its title.
      for (const before of editor.getRootElement()?.querySelectorAll('.article-headline') ?? []) before.classList.remove('article-headline');
      elements[headline]?.classList.add('article-headline');
      onIndex(TextIndex.build(offsets, blocks, elements as HTMLElement[]));
      return true;
    };
    if (tryBuild()) return;
    const stop = editor.registerUpdateListener(() => {
      if (tryBuild()) stop();
    });
    return stop;
  }, [editor, offsets, blocks, headline, onIndex]);
  return null;
}

/**
 * The article text in a read-only Lexical editor, exactly as stored. The text index it builds is
 * how highlights will be placed and selections read. The `headline` block (see headlineBlock) is
 * shown as the article's heading. Memoised: the reading view redraws on every selection and
 * highlight, the text never changes.
 */
export const ArticleText = memo(function ArticleText({ text, headline, onIndex }: { text: string; headline: number; onIndex: (index: TextIndex) => void }) {
  // One offset map for the text: the blocks, the index and every lookup through it share it.
  const offsets = useMemo(() => new OffsetMap(text), [text]);
  const blocks = useMemo(() => textBlocks(text, offsets), [text, offsets]);
  const config = useMemo(
    () => ({
      namespace: 'gainsay-article',
      editable: false,
      theme: { paragraph: 'article-paragraph' },
      editorState: initialState(blocks),
      onError: (error: Error) => {
        throw error;
      },
    }),
    [blocks],
  );
  return (
    <LexicalComposer initialConfig={config}>
      <PlainTextPlugin
        contentEditable={<ContentEditable className="article-text" aria-label="Article text" aria-readonly="true" aria-multiline="true" tabIndex={0} aria-describedby={ARTICLE_KEYS_HINT} />}
        ErrorBoundary={LexicalErrorBoundary}
      />
      <TextIndexPlugin offsets={offsets} blocks={blocks} headline={headline} onIndex={onIndex} />
    </LexicalComposer>
  );
});
