import fs from 'node:fs';
import path from 'node:path';
import { MAPPINGS, type AnnotationFormat, type AnnotationMapping, type AnnotationPreview } from '../../../shared/import-mappings';
import { parseAnn } from './brat/ann';
import { Tally } from './tally';
import { child, childrenNamed, parseXml, type XmlElement } from './refi/qde';
import { qdeSchemaProblems } from './refi/qde-schema';
import { unzipQdpx } from './refi/refi-import';
import { annotationsOf, idOf, isObject, list, noSourceFile, sourceFile, str } from './w3c/w3c-import';

/** Problems a preview lists (the import itself lists them all, with the same limit on what it shows). */
const SHOWN_PROBLEMS = 20;

type Found = Omit<AnnotationPreview, 'id' | 'format' | 'name' | 'mapping'>;
const NOTHING: Found = { documents: 0, entities: [], relations: [], events: [], attributes: [], notes: 0, selectors: [], bodies: [], codes: [], problems: [] };

/** A brat folder: entity types, relation types, events with their roles, attributes and notes of every .ann. */
function bratFound(folder: string): Found {
  const [entities, relations, events, attributes] = [new Tally(), new Tally(), new Tally(), new Tally()];
  const roles = new Map<string, Tally>();
  const problems: string[] = [];
  let documents = 0;
  let notes = 0;
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.ann')).sort()) {
    documents++;
    const ann = parseAnn(name, fs.readFileSync(path.join(folder, name), 'utf8'));
    problems.push(...ann.problems);
    for (const t of ann.entities.values()) entities.add(t.type);
    for (const r of ann.relations) relations.add(r.type);
    for (const e of ann.events) {
      events.add(e.type);
      const tally = roles.get(e.type) ?? roles.set(e.type, new Tally()).get(e.type)!;
      for (const arg of e.args) tally.add(arg.role);
    }
    for (const a of ann.attributes) attributes.add(a.value === null ? a.type : `${a.type} = ${a.value}`);
    notes += ann.notes.length;
  }
  return { ...NOTHING, documents, entities: entities.list(), relations: relations.list(), events: events.list().map((e) => ({ ...e, roles: roles.get(e.name)!.list() })), attributes: attributes.list(), notes, problems };
}

/** A W3C file: its sources (and those without a text file beside it), selector kinds and body purposes. */
function w3cFound(file: string): Found {
  let annotations: ReturnType<typeof annotationsOf> = null;
  try {
    annotations = annotationsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    return { ...NOTHING, problems: [`it is not valid JSON (${(error as Error).message})`] };
  }
  if (!annotations) return { ...NOTHING, problems: ['it is not a W3C AnnotationCollection (with its first page embedded), AnnotationPage, list of Annotations or Annotation'] };
  const [selectors, bodies] = [new Tally(), new Tally()];
  const sources = new Set<string>();
  for (const a of annotations) {
    const linking = list(a.motivation).includes('linking');
    for (const target of list(a.target).filter(isObject)) {
      const source = idOf(target.source);
      if (source && !linking) sources.add(source);
      for (const selector of list(target.selector).filter(isObject)) selectors.add(str(selector.type) ?? 'untyped');
    }
    for (const body of list(a.body).filter(isObject)) bodies.add(linking ? `${str(body.purpose) ?? 'no purpose'} (of a link)` : (str(body.purpose) ?? 'no purpose'));
  }
  const unresolved = [...sources].filter((iri) => !sourceFile(path.dirname(file), iri));
  return { ...NOTHING, documents: sources.size, selectors: selectors.list(), bodies: bodies.list(), problems: unresolved.map((iri) => `${path.basename(file)}: ${noSourceFile(iri)}`) };
}

/** A .qdpx: its text sources, each code (with its branch) with the selections it codes, and where it departs from the QDA-XML schema. */
async function refiFound(file: string): Promise<Found> {
  let project: XmlElement | undefined;
  let schemaProblems: string[];
  try {
    const { qde } = unzipQdpx(fs.readFileSync(file), path.basename(file));
    schemaProblems = await qdeSchemaProblems(qde);
    project = child(parseXml(qde), 'Project');
  } catch (error) {
    return { ...NOTHING, problems: [(error as Error).message] };
  }
  const names = new Map<string, string>();
  const walk = (codes: XmlElement[], branch: string) => {
    for (const code of codes) {
      const name = branch ? `${branch} / ${code.attributes.name ?? ''}` : (code.attributes.name ?? '');
      names.set(code.attributes.guid ?? '', name);
      walk(childrenNamed(code, 'Code'), name);
    }
  };
  walk(childrenNamed(child(child(project, 'CodeBook'), 'Codes'), 'Code'), '');
  const codes = new Tally();
  for (const name of names.values()) codes.add(name, 0);
  const sources = childrenNamed(child(project, 'Sources'), 'TextSource');
  for (const selection of sources.flatMap((s) => childrenNamed(s, 'PlainTextSelection'))) {
    for (const coding of childrenNamed(selection, 'Coding')) codes.add(names.get(child(coding, 'CodeRef')?.attributes.targetGUID ?? '') ?? 'an unknown code');
  }
  return { ...NOTHING, documents: sources.length, codes: codes.list(), problems: schemaProblems };
}

/**
 * What the import dialog shows of annotations at `full` before they are imported: the documents,
 * the types found with their counts, the problems seen while looking (the first few), and the
 * mapping a plain import (the CLI's without --mapping) would use.
 */
export async function previewAnnotations(id: string, format: AnnotationFormat, full: string, name: string): Promise<AnnotationPreview> {
  const found = format === 'brat' ? bratFound(full) : format === 'w3c' ? w3cFound(full) : await refiFound(full);
  const mapping = { format, mapping: MAPPINGS[format].defaults } as AnnotationMapping;
  return { id, format, name, ...found, problems: found.problems.slice(0, SHOWN_PROBLEMS), mapping };
}
