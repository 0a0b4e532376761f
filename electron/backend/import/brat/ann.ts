/**
 * A parser of brat standoff (.ann): text-bound annotations (T, discontinuous ones included),
 * relations (R), events (E), attributes and modifiers (A, M), notes (#), normalisations (N, read
 * and ignored) and equivalences (*). Lines are split as brat splits them (Python's splitlines).
 * Pure: problems are collected with their line numbers, never thrown.
 */

export interface TextBound {
  id: string;
  type: string;
  /** Code point ranges, in the order written. */
  fragments: Array<[number, number]>;
  text: string;
  line: number;
}

export interface Relation {
  id: string;
  type: string;
  arg1: string;
  arg2: string;
  line: number;
}

export interface BratEvent {
  id: string;
  type: string;
  trigger: string;
  /** Role (a trailing number, as in Theme2, removed) and the annotation it names. */
  args: Array<{ role: string; id: string }>;
  line: number;
}

export interface BratNote {
  type: string;
  target: string;
  text: string;
  line: number;
}

export interface Attribute {
  type: string;
  target: string;
  value: string | null;
}

export interface AnnDocument {
  entities: Map<string, TextBound>;
  relations: Relation[];
  events: BratEvent[];
  notes: BratNote[];
  attributes: Attribute[];
  /** Each * line: its type and the ids it makes equivalent. */
  equivalences: Array<{ type: string; ids: string[] }>;
  problems: string[];
}

/** What Python's str.splitlines ends a line at, as brat reads its files. */
const LINES = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
const ID = /^[TREAMN#*]\d*$/;
const SPAN = /^(\d{1,15}) (\d{1,15})$/;

/** Parses the text of one .ann file; `name` prefixes each problem. */
export function parseAnn(name: string, source: string): AnnDocument {
  const doc: AnnDocument = { entities: new Map(), relations: [], events: [], notes: [], attributes: [], equivalences: [], problems: [] };
  const seen = new Set<string>();
  source.split(LINES).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    const problem = (what: string) => doc.problems.push(`${name} line ${line}: ${what}`);
    const fields = raw.split('\t');
    const [id, head, rest] = [fields[0]!, fields[1] ?? '', fields.slice(2)];
    if (!ID.test(id)) return problem(`“${raw.slice(0, 40)}” is not a brat annotation (it should start with an id such as T1, R1, E1, A1, #1 or *)`);
    if (id !== '*' && seen.has(id)) return problem(`the id ${id} is used twice`);
    seen.add(id);
    const words = head.split(' ');
    switch (id[0]) {
      case 'T': {
        const type = words[0]!;
        const fragments: Array<[number, number]> = [];
        for (const span of head.slice(type.length + 1).split(';')) {
          const m = SPAN.exec(span);
          if (!m || Number(m[1]) >= Number(m[2])) return problem(`${id} has the span “${span}”; expected “start end” with start before end`);
          fragments.push([Number(m[1]), Number(m[2])]);
        }
        if (!type || rest.length !== 1) return problem(`${id} should be “${id}<tab>Type start end<tab>text”`);
        doc.entities.set(id, { id, type, fragments, text: rest[0]!, line });
        return;
      }
      case 'R': {
        const [type = '', a1 = '', a2 = ''] = words;
        const [arg1, arg2] = [/^Arg1:(\S+)$/.exec(a1)?.[1], /^Arg2:(\S+)$/.exec(a2)?.[1]];
        if (!type || !arg1 || !arg2 || words.length !== 3) return problem(`${id} should be “${id}<tab>Type Arg1:T1 Arg2:T2”`);
        doc.relations.push({ id, type, arg1, arg2, line });
        return;
      }
      case 'E': {
        const [trigger = '', ...argWords] = words;
        const t = /^([^:]+):(T\d+)$/.exec(trigger);
        const args = argWords.filter(Boolean).map((w) => /^([^:]+?)\d*:([TE]\d+)$/.exec(w));
        if (!t || args.some((a) => !a)) return problem(`${id} should be “${id}<tab>Type:T1 Role:T2 …”`);
        doc.events.push({ id, type: t[1]!, trigger: t[2]!, args: args.map((a) => ({ role: a![1]!, id: a![2]! })), line });
        return;
      }
      case 'A':
      case 'M': {
        const [type = '', target = '', value = null] = words;
        if (!type || !target || words.length > 3) return problem(`${id} should be “${id}<tab>Name T1 [value]”`);
        doc.attributes.push({ type, target, value });
        return;
      }
      case '#': {
        const [type = '', target = ''] = words;
        if (!type || !target) return problem(`${id} should be “${id}<tab>AnnotatorNotes T1<tab>text”`);
        doc.notes.push({ type, target, text: rest.join('\t'), line });
        return;
      }
      case '*': {
        const [type = '', ...ids] = words;
        if (!type || ids.length < 2) return problem('an equivalence should be “*<tab>Equiv T1 T2 …”');
        doc.equivalences.push({ type, ids });
        return;
      }
      default:
        return; // N: a normalisation (a link to an outside database) has nothing Gainsay keeps
    }
  });
  // Sets, not searches of the lists: a file of 100,000 events naming events stays linear.
  const events = new Set(doc.events.map((e) => e.id));
  const relations = new Set(doc.relations.map((r) => r.id));
  const known = (ref: string) => doc.entities.has(ref) || events.has(ref) || relations.has(ref);
  const missing = (line: number, owner: string, ref: string) => doc.problems.push(`${name} line ${line}: ${owner} refers to ${ref}, which the file does not have`);
  for (const r of doc.relations) for (const ref of [r.arg1, r.arg2]) if (!doc.entities.has(ref) && !events.has(ref)) missing(r.line, r.id, ref);
  for (const e of doc.events) for (const ref of [e.trigger, ...e.args.map((a) => a.id)]) if (!known(ref)) missing(e.line, e.id, ref);
  for (const n of doc.notes) if (!known(n.target)) missing(n.line, `a note on ${n.target}`, n.target);
  return doc;
}
