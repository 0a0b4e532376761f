import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { claimRows, linkRows, type ClaimRow, type LinkRow } from './claim-rows';
import type { AttentionTally } from './span-check';

const urn = (id: string) => `urn:uuid:${id}`;
/** A string as JSON. */
const str = JSON.stringify;

/**
 * The annotations' JSON is written as text, in the key order and form JSON.stringify gives the
 * objects described below: each claim repeats its actor's and its article's parts, made once each
 * (SharedParts), and only its own strings are escaped.
 */
export class SharedParts {
  /** By purpose, then by actor id. */
  private readonly actors = { identifying: new Map<string, string>(), describing: new Map<string, string>() };
  private readonly tags = new Map<string, string>();
  private sourceOf: { articleId: string; json: string } | null = null;

  /**
   * An actor as a body: a SpecificResource (which may carry a purpose) whose source is the actor,
   * named by its label. The body has no id of its own: one actor as one claim's actor and
   * another's channel is then one resource with one name, used by two bodies, rather than one node
   * with two values and two purposes (and an external resource may not carry a purpose: model 3.3.5).
   */
  actorBody(purpose: 'identifying' | 'describing', id: string, name: string): string {
    const made = this.actors[purpose];
    let json = made.get(id);
    if (json === undefined) made.set(id, (json = `{"type":"SpecificResource","purpose":"${purpose}","source":{"id":${str(urn(id))},"label":${str(name)}}}`));
    return json;
  }

  tagBody(tag: string): string {
    let json = this.tags.get(tag);
    if (json === undefined) this.tags.set(tag, (json = `{"type":"TextualBody","purpose":"tagging","value":${str(tag)}}`));
    return json;
  }

  /**
   * The article as the target's source. Its title, outlet and date are dcterms:title,
   * dcterms:publisher and dcterms:issued (terms anno.jsonld declares through its dcterms prefix;
   * JSON-LD processors drop undeclared ones). Claims come article by article: the last one's is kept.
   */
  source(c: ClaimRow): string {
    if (this.sourceOf?.articleId !== c.articleId) {
      const publisher = c.outlet ? `,"dcterms:publisher":${str(c.outlet)}` : '';
      const issued = c.publishedAt ? `,"dcterms:issued":${str(c.publishedAt)}` : '';
      this.sourceOf = { articleId: c.articleId, json: `{"id":${str(urn(c.articleId))},"type":"Text","dcterms:title":${str(c.articleTitle)}${publisher}${issued}}` };
    }
    return this.sourceOf.json;
  }
}

/** A note as a body. */
const noteBody = (text: string) => `{"type":"TextualBody","purpose":"commenting","value":${str(text)},"format":"text/plain"}`;

/**
 * A claim as a W3C Web Annotation: the span (quote and code point position); bodies name the
 * actor (purpose identifying), the channel it was reported via (describing), tags and the note.
 * The day the claim was made is the annotation's dcterms:date (created is when it was recorded).
 */
export function claimAnnotation(c: ClaimRow, shared: SharedParts): string {
  const body = [shared.actorBody('identifying', c.actorId, c.actor)];
  if (c.via && c.viaId) body.push(shared.actorBody('describing', c.viaId, c.via));
  for (const tag of c.tags) body.push(shared.tagBody(tag));
  if (c.noteText) body.push(noteBody(c.noteText));
  const quote = `{"type":"TextQuoteSelector","exact":${str(c.quote)},"prefix":${str(c.prefix)},"suffix":${str(c.suffix)}}`;
  // Positions count Unicode code points, as the Web Annotation model requires.
  const position = `{"type":"TextPositionSelector","start":${c.start},"end":${c.end}}`;
  return (
    `{"id":${str(urn(c.claimId))},"type":"Annotation","motivation":"classifying","created":${str(c.createdAt)},"modified":${str(c.updatedAt)},` +
    (c.claimedOn ? `"dcterms:date":${str(c.claimedOn)},` : '') +
    `"body":[${body.join(',')}],"target":{"type":"SpecificResource","source":${shared.source(c)},"selector":[${quote},${position}]}}`
  );
}

/** A link as an Annotation with motivation linking: the two claims are its targets. */
export function linkAnnotation(l: LinkRow): string {
  const rationale = l.rationaleText ? `,${noteBody(l.rationaleText)}` : '';
  const creator = l.createdBy ? `"creator":{"type":"Person","name":${str(l.createdBy)}},` : '';
  return (
    `{"id":${str(urn(l.linkId))},"type":"Annotation","motivation":"linking","created":${str(l.createdAt)},"modified":${str(l.updatedAt)},${creator}` +
    `"body":[{"type":"TextualBody","purpose":"classifying","value":${str(l.kind)}},{"type":"TextualBody","purpose":"assessing","value":${str(l.status)}}${rationale}],` +
    `"target":[${str(urn(l.claimA))},${str(urn(l.claimB))}]}`
  );
}

/**
 * The project as one W3C AnnotationCollection (JSON-LD) with a single page of items (each with
 * the id the model requires: fresh UUIDs, as an export is a snapshot), streamed
 * one annotation at a time. A claim whose span does not hold on its text is left out (its
 * selectors would point at other text), with the links that target it; `tally` counts them.
 */
export function* webAnnotations(db: Database.Database, articleIds: string[] | null, projectName: string, exportedAt: string, tally: AttentionTally): Generator<string> {
  const [collection, page] = [urn(randomUUID()), urn(randomUUID())];
  yield `{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "id": "${collection}",\n  "type": "AnnotationCollection",\n  "label": ${JSON.stringify(projectName)},\n  "generated": ${JSON.stringify(exportedAt)},\n  "first": {\n    "id": "${page}",\n    "type": "AnnotationPage",\n    "items": [`;
  let first = true;
  const item = (annotation: string) => {
    const chunk = `${first ? '' : ','}\n      ${annotation}`;
    first = false;
    return chunk;
  };
  const shared = new SharedParts();
  const written = new Set<string>();
  for (const claim of claimRows(db, articleIds)) {
    if (!claim.holds) {
      tally.claims++;
      continue;
    }
    written.add(claim.claimId);
    yield item(claimAnnotation(claim, shared));
  }
  for (const link of linkRows(db, articleIds)) {
    if (!written.has(link.claimA) || !written.has(link.claimB)) {
      tally.links++;
      continue;
    }
    yield item(linkAnnotation(link));
  }
  yield '\n    ]\n  }\n}\n';
}
