import fc from 'fast-check';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type ElementFormatType,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { MAX_NOTE_JSON, MAX_NOTE_NODES, isEditorNote, noteDisplay, noteFromText, noteProblem } from '../../shared/notes/note-state';

/** A headless editor with the nodes the note editor has (Lexical's core ones). */
const newEditor = () => createEditor({ namespace: 'gainsay-note', onError: (error) => { throw error; } });

/** What Lexical itself makes of a note: its plain text, or the error it throws. */
function lexicalReads(json: string): { text: string } | { error: string } {
  try {
    const editor = newEditor();
    const state = editor.parseEditorState(json);
    return { text: state.read(() => $getRoot().getTextContent()) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const FORMATS: ElementFormatType[] = ['', 'left', 'start', 'center', 'right', 'end', 'justify'];

type Piece = { kind: 'text'; text: string; format: number } | { kind: 'tab' } | { kind: 'break' };
const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), format: fc.integer({ min: 0, max: 2047 }) }),
  fc.constant({ kind: 'tab' as const }),
  fc.constant({ kind: 'break' as const }),
);
const paragraphs = fc.array(
  fc.record({ pieces: fc.array(piece, { maxLength: 6 }), align: fc.constantFrom(...FORMATS), indent: fc.integer({ min: 0, max: 6 }) }),
  { minLength: 1, maxLength: 5 },
);

/** A note state built by Lexical itself through the node API the editor's commands use. */
function lexicalMade(doc: Array<{ pieces: Piece[]; align: ElementFormatType; indent: number }>): string {
  const editor = newEditor();
  editor.update(
    () => {
      const root = $getRoot().clear();
      for (const { pieces, align, indent } of doc) {
        const paragraph = $createParagraphNode().setFormat(align).setIndent(indent);
        for (const p of pieces) {
          if (p.kind === 'text') paragraph.append($createTextNode(p.text).setFormat(p.format));
          else paragraph.append(p.kind === 'tab' ? $createTabNode() : $createLineBreakNode());
        }
        root.append(paragraph);
      }
    },
    { discrete: true },
  );
  return JSON.stringify(editor.getEditorState().toJSON());
}

const valid = lexicalMade([{ pieces: [{ kind: 'text', text: 'Denied twice', format: 1 }], align: '', indent: 0 }]);
const withNode = (node: object) => {
  const state = JSON.parse(valid);
  state.root.children[0].children.push(node);
  return JSON.stringify(state);
};

describe('note states', () => {
  it('accepts every state Lexical makes with the editor’s nodes, and no note at all', () => {
    expect(noteProblem('')).toBeNull();
    fc.assert(fc.property(paragraphs, (doc) => {
      expect(noteProblem(lexicalMade(doc))).toBeNull();
    }), { numRuns: 200 });
  });

  it('never throws on random input, and whatever it accepts Lexical opens', () => {
    const anyJson = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify({ root: v })),
      // Near misses: editor-made states with a field or a node changed to something random.
      fc.tuple(paragraphs, fc.constantFrom('type', 'text', 'format', 'style', 'mode', 'detail', 'indent', 'direction', 'version', 'extra', 'children'), fc.jsonValue()).map(([doc, key, value]) => {
        const state = JSON.parse(lexicalMade(doc));
        const paragraph = state.root.children[0];
        const target = paragraph.children[0] ?? paragraph;
        target[key] = value;
        return JSON.stringify(state);
      }),
    );
    fc.assert(
      fc.property(anyJson, (json) => {
        const problem = noteProblem(json);
        if (problem === null && json !== '') expect(lexicalReads(json)).toHaveProperty('text');
      }),
      { numRuns: 1000 },
    );
    for (const value of [undefined, null, 42, {}, []]) expect(noteProblem(value)).toMatch(/not text/);
  });

  it('refuses node types the editor does not make, naming the type', () => {
    const link = withNode({ type: 'link', url: 'https://example.org', children: [], direction: null, format: '', indent: 0, version: 1 });
    expect(lexicalReads(link)).toHaveProperty('error');
    expect(noteProblem(link)).toBe('holds a “link” node, which the note editor does not make');
    expect(noteProblem(JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'heading', tag: 'h1', children: [], version: 1 }] } }))).toMatch(/“heading” node/);
    expect(noteProblem(JSON.stringify({ root: { type: 'list', version: 1, children: [] } }))).toMatch(/“list” node/);
  });

  it('refuses fields the editor never writes: inline CSS, unknown keys, other modes, odd formats', () => {
    const first = (change: (text: Record<string, unknown>) => void) => {
      const state = JSON.parse(valid);
      change(state.root.children[0].children[0]);
      return JSON.stringify(state);
    };
    expect(noteProblem(first((t) => (t.style = 'background:url(https://tracker.example/x)')))).toMatch(/style/);
    expect(noteProblem(first((t) => (t.href = 'https://example.org')))).toMatch(/not a note the note editor makes/);
    expect(noteProblem(first((t) => (t.mode = 'token')))).toMatch(/mode/);
    expect(noteProblem(first((t) => (t.format = 4096)))).toMatch(/format/);
    expect(noteProblem(first((t) => (t.text = 42)))).toMatch(/text/);
    expect(noteProblem(withNode({ type: 'tab', text: 'not a tab', version: 1 }))).toMatch(/text/);
    expect(noteProblem('{"root":')).toBe('is not valid JSON');
  });

  it('bounds size and node count, and answers quickly for deeply nested input', () => {
    expect(noteProblem(`"${'x'.repeat(MAX_NOTE_JSON)}"`)).toMatch(/over the 1,000,000/);
    const many = JSON.stringify({ root: { type: 'root', version: 1, children: Array.from({ length: MAX_NOTE_NODES }, () => ({ type: 'paragraph', version: 1, children: [] })) } });
    expect(noteProblem(many)).toMatch(/parts, over the 20,000/);
    const deep = `${'{"root":'.repeat(1)}${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
    const started = performance.now();
    expect(noteProblem(deep)).toMatch(/not a note/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('turns plain text into an editor state whose text is that text', () => {
    expect(noteFromText('  ')).toBe('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ß', '😀', ' ', '\t', '\n') }), (text) => {
        const json = noteFromText(text);
        if (!text.trim()) {
          expect(json).toBe('');
          return;
        }
        expect(noteProblem(json)).toBeNull();
        expect(lexicalReads(json)).toEqual({ text: text.trim() });
      }),
      { numRuns: 300 },
    );
  });

  it('shows a note in the editor only when the editor can open it', () => {
    expect(noteDisplay('', '')).toBe('editor');
    expect(noteDisplay(valid, 'Denied twice')).toBe('editor');
    expect(noteDisplay('', 'text without a state')).toBe('plain');
    expect(noteDisplay(withNode({ type: 'link', children: [], version: 1 }), 'Denied twice')).toBe('plain');
    expect(isEditorNote(valid)).toBe(true);
  });
});
