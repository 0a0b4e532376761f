import { useEffect, useMemo } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, type EditorState, type LexicalEditor } from 'lexical';
import type { RefObject } from 'react';

export interface NoteValue {
  json: string;
  text: string;
}

/**
 * Ctrl/Cmd+Enter is the forms' Save (submitOnModEnter, on a parent): the editor does not also
 * take it as a new paragraph, which was saved as an empty one at the end of the note.
 */
function ModEnterIsNotANewParagraph() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => editor.registerCommand(KEY_ENTER_COMMAND, (event: KeyboardEvent | null) => !!event && (event.ctrlKey || event.metaKey), COMMAND_PRIORITY_HIGH),
    [editor],
  );
  return null;
}

/** A small rich-text editor (bold, italic, underline with the usual shortcuts) for notes. */
export function NoteEditor({
  label,
  initialJson,
  onChange,
  placeholder = 'Why this matters, doubts, context…',
  autoFocus = false,
  editorRef,
}: {
  label: string;
  initialJson: string;
  onChange: (value: NoteValue) => void;
  placeholder?: string;
  autoFocus?: boolean;
  /** The editor, for a form that moves the focus into it later (`editorRef.current.focus()`). */
  editorRef?: RefObject<LexicalEditor | null>;
}) {
  const config = useMemo(
    () => ({
      namespace: 'gainsay-note',
      theme: { paragraph: 'note-paragraph', text: { bold: 'note-bold', italic: 'note-italic', underline: 'note-underline' } },
      editorState: initialJson || undefined,
      onError: (error: Error) => {
        throw error;
      },
    }),
    // The editor is created once per note; later changes come from the user.
    [],
  );
  return (
    <div className="note-editor">
      <LexicalComposer initialConfig={config}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={label} aria-multiline="true" />}
          placeholder={<div className="note-placeholder">{placeholder}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ModEnterIsNotANewParagraph />
        {autoFocus && <AutoFocusPlugin />}
        {editorRef && <EditorRefPlugin editorRef={editorRef} />}
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state: EditorState) => {
            const text = state.read(() => $getRoot().getTextContent()).trim();
            onChange({ json: text ? JSON.stringify(state.toJSON()) : '', text });
          }}
        />
      </LexicalComposer>
    </div>
  );
}
