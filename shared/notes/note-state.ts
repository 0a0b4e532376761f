/**
 * Rich-text notes (claim notes, link rationales) are Lexical editor states stored as JSON. Project
 * files and JSON imports come from other people, and Lexical throws on a node type it has not
 * registered, so a note is only ever handed to the editor after it passes `noteProblem`, which
 * accepts exactly what the note editor (renderer/src/components/NoteEditor.tsx) makes: its
 * RichTextPlugin registers no nodes beyond Lexical's core ones, so a note is a root of paragraphs
 * holding text, tab (pasted "\t") and line break (Shift+Enter) nodes, and nothing else; the
 * paragraph alignment and indent pasted HTML can set; text formats from Lexical's bit set; no
 * inline CSS, which the editor never writes. Pure: no DOM, no Node.
 */
import { z } from 'zod';
import { MAX_NOTE_JSON, MAX_NOTE_NODES } from './note-limits';

export { MAX_NOTE_JSON, MAX_NOTE_NODES, MAX_NOTE_TEXT } from './note-limits';
/** Pasted HTML can indent a paragraph (40px a step); deeper than this is not from the editor. */
const MAX_INDENT = 40;
/** Lexical's text format bits (bold 1 … capitalize 1024). */
const ALL_TEXT_FORMATS = 2047;

const ELEMENT_FORMATS = ['', 'left', 'start', 'center', 'right', 'end', 'justify'] as const;

const version = z.literal(1);
const textFormat = z.number().int().min(0).max(ALL_TEXT_FORMATS);

const elementFields = {
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: z.enum(ELEMENT_FORMATS).optional(),
  indent: z.number().int().min(0).max(MAX_INDENT).optional(),
  version,
};

const textFields = {
  // Lexical's detail bits: directionless 1, unmergeable 2 (tabs are unmergeable).
  detail: z.number().int().min(0).max(3).optional(),
  format: textFormat.optional(),
  mode: z.literal('normal').optional(),
  style: z.literal('').optional(),
  version,
};

const textNode = z.object({ type: z.literal('text'), text: z.string(), ...textFields }).strict();
const tabNode = z.object({ type: z.literal('tab'), text: z.literal('\t'), ...textFields }).strict();
const lineBreakNode = z.object({ type: z.literal('linebreak'), version }).strict();

const paragraphNode = z
  .object({
    type: z.literal('paragraph'),
    children: z.array(z.discriminatedUnion('type', [textNode, tabNode, lineBreakNode])),
    textFormat: textFormat.optional(),
    textStyle: z.literal('').optional(),
    ...elementFields,
  })
  .strict();

const noteState = z
  .object({ root: z.object({ type: z.literal('root'), children: z.array(paragraphNode), ...elementFields }).strict() })
  .strict();

export type NoteState = z.infer<typeof noteState>;

const KNOWN_TYPES = new Set(['root', 'paragraph', 'text', 'tab', 'linebreak']);

/** The first node type the editor does not make, found without walking more than the editor's three levels. */
function foreignType(value: unknown): string | null {
  const root = (value as { root?: unknown } | null)?.root as { type?: unknown; children?: unknown } | undefined;
  const levels: unknown[][] = [[root]];
  for (let depth = 0; depth < 3; depth++) {
    const next: unknown[] = [];
    for (const node of levels[depth]!) {
      if (!node || typeof node !== 'object') continue;
      const { type, children } = node as { type?: unknown; children?: unknown };
      if (typeof type === 'string' && !KNOWN_TYPES.has(type)) return type;
      if (Array.isArray(children)) next.push(...children.slice(0, MAX_NOTE_NODES));
    }
    levels.push(next);
  }
  return null;
}

function countNodes(state: NoteState): number {
  return state.root.children.reduce((sum, paragraph) => sum + 1 + paragraph.children.length, 1);
}

/**
 * Why a stored or submitted note is not one the note editor could have made, or null when it is.
 * '' (no note) passes. Never throws, whatever the input.
 */
export function noteProblem(json: unknown): string | null {
  if (typeof json !== 'string') return 'is not text';
  if (json === '') return null;
  if (json.length > MAX_NOTE_JSON) return `is ${json.length.toLocaleString('en')} characters, over the ${MAX_NOTE_JSON.toLocaleString('en')} a note may have`;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return 'is not valid JSON';
  }
  const foreign = foreignType(value);
  if (foreign !== null) return `holds a “${foreign.slice(0, 40)}” node, which the note editor does not make`;
  const parsed = noteState.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return `is not a note the note editor makes (${issue.path.join('.') || 'the note'}: ${issue.message})`;
  }
  const nodes = countNodes(parsed.data);
  if (nodes > MAX_NOTE_NODES) return `has ${nodes.toLocaleString('en')} parts, over the ${MAX_NOTE_NODES.toLocaleString('en')} a note may have`;
  return null;
}

/** Whether the note editor can open this note. */
export const isEditorNote = (json: unknown): boolean => noteProblem(json) === null;

/**
 * How a stored note is shown: in the editor, or, when the editor could not have made it (or it
 * has text but no editor state), as its plain text, read-only. Both empty: an empty editor.
 */
export function noteDisplay(json: string, text: string): 'editor' | 'plain' {
  if (json === '') return text === '' ? 'editor' : 'plain';
  return isEditorNote(json) ? 'editor' : 'plain';
}

const textRun = (text: string) => ({ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 });
const TAB = { type: 'tab', text: '\t', detail: 2, format: 0, mode: 'normal', style: '', version: 1 };
const LINE_BREAK = { type: 'linebreak', version: 1 };

/** A line's text runs and tabs, as the editor makes them from pasted text. */
const lineNodes = (line: string) => line.split('\t').flatMap((run, i) => [...(i ? [TAB] : []), ...(run ? [textRun(run)] : [])]);

/**
 * An editor state holding plain text, as the editor would make it from that text pasted in:
 * blank lines separate paragraphs, other line ends are line breaks. Used to let a note that can
 * only be shown as plain text be edited again (the editor's text of it is the same text).
 */
export function noteFromText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const paragraphs = trimmed.split('\n\n').map((block) => ({
    type: 'paragraph',
    children: block.split('\n').flatMap((line, i) => [...(i ? [LINE_BREAK] : []), ...lineNodes(line)]),
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    version: 1,
  }));
  return JSON.stringify({ root: { type: 'root', children: paragraphs, direction: null, format: '', indent: 0, version: 1 } });
}
