import { useId, useState } from 'react';
import { noteDisplay, noteFromText } from '../../../shared/notes/note-state';
import { NoteEditor, type NoteValue } from './NoteEditor';

/**
 * A stored note or rationale, in the note editor when the editor can open it. A note the editor
 * could not have made (written by another tool into a project file, or text without its editor
 * state) is shown as its plain text, read-only and kept as it is, with a remark saying so; the
 * analyst may start editing a copy of that text instead. `onChange` is only called once the
 * note is edited, so saving other fields never rewrites it.
 */
export function NoteField({
  label,
  json,
  text,
  onChange,
  placeholder,
  autoFocus,
}: {
  label: string;
  json: string;
  text: string;
  onChange: (value: NoteValue) => void;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const [rewriting, setRewriting] = useState(false);
  const remark = useId();
  if (noteDisplay(json, text) === 'editor') {
    return <NoteEditor label={label} initialJson={json} onChange={onChange} placeholder={placeholder} autoFocus={autoFocus} />;
  }
  if (rewriting) {
    return <NoteEditor label={label} initialJson={noteFromText(text)} onChange={onChange} placeholder={placeholder} autoFocus />;
  }
  return (
    <div className="note-plain">
      <div className="note-plain-text" role="document" aria-label={label} aria-describedby={remark} tabIndex={0}>
        {text}
      </div>
      <p className="note-plain-remark" id={remark}>
        Shown as plain text: this note was not written with Gainsay’s note editor, so it is kept as it is.{' '}
        <button type="button" className="ghost" onClick={() => setRewriting(true)}>
          Edit as plain text
        </button>
      </p>
    </div>
  );
}
