import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ClaimPrefill } from '../../../shared/assist/claim-prefill';
import type { ResolvedActor } from '../../../shared/assist/attribution/types';
import type { Article, HighlightItem } from '../../../shared/domain';
import { isoDay } from '../../../shared/text/relative-date';
import { api } from '../api/client';
import { ActorPicker, choiceFromRef, isVariantOfKnown, type ActorChoice } from '../components/ActorPicker';
import type { NoteValue } from '../components/NoteEditor';
import { NoteField } from '../components/NoteField';
import { FieldError } from '../components/FieldError';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { plural } from '../format';
import { readSentence } from './read-sentence';
import { draftFor, dropDraft, keepDraft, useHighlightsWithDrafts } from './claim-drafts';

function toRef(choice: ActorChoice) {
  if (!choice) return null;
  return 'id' in choice ? { id: choice.id } : { name: choice.name, kind: choice.kind, role: choice.role };
}

function fromResolved(resolved: ResolvedActor | undefined): ActorChoice {
  if (!resolved) return null;
  return resolved.known ? { id: resolved.id, name: resolved.name } : { name: resolved.name, kind: resolved.kind, role: '' };
}

/**
 * An actor field of the form: its name field, and whether the analyst has set it themselves
 * (typed, chosen) rather than left what the sentence filled in. A draft counts as answered: the
 * analyst has been through its form once already.
 */
function useNameField(label: string, fromDraft: boolean) {
  const input = useRef<HTMLInputElement>(null);
  const answered = useRef(fromDraft);
  const answering = (set: (choice: ActorChoice) => void) => (choice: ActorChoice) => {
    answered.current = true;
    set(choice);
  };
  return { label, input, answered, answering };
}

interface EditorProps {
  article: Article;
  highlight: HighlightItem;
  /** The current text selection in the article, to move the highlight onto. */
  selection: { start: number; end: number; quote: string } | null;
  focusActor: boolean;
  /** Called when a save made from inside the editor has been stored, to put the focus somewhere useful. */
  onSaved: () => void;
}

/**
 * The claim editor for one highlight. Discarding its unsaved changes makes its form anew from
 * what is stored.
 */
export function ClaimEditor(props: EditorProps) {
  const [discards, setDiscards] = useState(0);
  return <ClaimForm key={discards} {...props} onDiscarded={() => setDiscards((n) => n + 1)} />;
}

/**
 * Tags a highlight as a claim (or edits its claim): who made it, through whom it was reported,
 * tags, the date it was made and a note. For a highlight that is not yet a claim, the sentence is
 * read for the speaker, channel and date (`suggestions.prefill`); what it finds fills the fields
 * still empty (the date if still the article's), each with the words it came from, and saving
 * before it has arrived waits for it, so that select, C, Enter records the claim as shown.
 * What the analyst types is kept as the highlight's draft (claim-drafts.ts) until it is saved or
 * discarded, and the form opens on it again.
 */
function ClaimForm({ article, highlight, selection, focusActor, onSaved, onDiscarded }: EditorProps & { onDiscarded: () => void }) {
  const claim = highlight.claim;
  const [draft] = useState(() => draftFor(highlight.id));
  const hasDraft = useHighlightsWithDrafts().has(highlight.id);
  const [actor, setActor] = useState<ActorChoice>(draft ? draft.actor : choiceFromRef(claim?.actor));
  const [via, setVia] = useState<ActorChoice>(draft ? draft.via : choiceFromRef(claim?.via));
  const [tags, setTags] = useState(draft ? draft.tags : (claim?.tags ?? []).join(', '));
  const firstDate = claim?.claimedOn ?? isoDay(article.publishedAt) ?? '';
  const [claimedOn, setClaimedOn] = useState(draft ? draft.claimedOn : firstDate);
  /** What the sentence gave: undefined while it is being read. */
  const [prefill, setPrefill] = useState<ClaimPrefill | null | undefined>(claim ? null : undefined);
  const reading = useRef<Promise<ClaimPrefill | null> | null>(null);
  const dateHint = useId();
  const dateReason = prefill?.claimedOn && claimedOn === prefill.claimedOn.date ? prefill.claimedOn.reason : null;

  useEffect(() => {
    if (claim) return;
    let live = true;
    reading.current = readSentence(article.id, highlight.start, highlight.end);
    void reading.current.then((found) => {
      if (!live) return;
      setPrefill(found);
      if (!found) return;
      setActor((typed) => typed ?? fromResolved(found.actor?.actor));
      setVia((typed) => typed ?? fromResolved(found.via?.actor));
      if (found.claimedOn) setClaimedOn((typed) => (typed === firstDate ? found.claimedOn!.date : typed));
    });
    return () => {
      live = false;
    };
    // Once per editor: it is made anew for each highlight and each saved change (its key).
  }, []);

  /** The note as edited here; null until it is edited, so saving leaves the stored note as it is. */
  const [note, setNote] = useState<NoteValue | null>(draft?.note ?? null);
  /** Set by the analyst's own edits (not by what the sentence fills in): only those make a draft. */
  const edited = useRef(!!draft);
  const editing = <T,>(set: (value: T) => void) => (value: T) => {
    edited.current = true;
    set(value);
  };
  useEffect(() => {
    if (edited.current) keepDraft(highlight.id, { actor, via, tags, claimedOn, note });
  }, [actor, via, tags, claimedOn, note]);
  const [error, setError] = useState<string | null>(null);
  const [allTags, setAllTags] = useState<string[]>([]);
  /** A removal waiting for the analyst to agree that the claim's links go with it. */
  const [confirming, setConfirming] = useState<{ title: string; verb: string; action: () => Promise<unknown> } | null>(null);

  useEffect(() => {
    api.call('tags.list', {}).then(setAllTags, () => {});
  }, []);

  /** Runs a change, showing why it failed if it did; true once it is stored. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  /** Runs a removal of the claim, asking first when links would go with it. */
  function removing(title: string, verb: string, action: () => Promise<unknown>) {
    if (claim && claim.linkCount > 0) setConfirming({ title, verb, action });
    else void run(action);
  }

  const actorField = useNameField('Claimed by', !!draft);
  const viaField = useNameField('Reported via (optional)', !!draft);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fromInside = form.contains(document.activeElement);
    // Saved before the sentence was read: what it gives fills what is still empty, as on screen.
    const found = prefill === undefined ? await reading.current : null;
    const actorChoice = actor ?? fromResolved(found?.actor?.actor);
    const viaChoice = via ?? fromResolved(found?.via?.actor);
    // A new name the sentence filled in that may be a known actor written another way is offered
    // in its field (ActorPicker), and saved only once the analyst has answered there.
    for (const [field, choice] of [[actorField, actorChoice], [viaField, viaChoice]] as const) {
      if (!choice || 'id' in choice || field.answered.current || !(await isVariantOfKnown(choice.name))) continue;
      setError(`“${choice.name}” may be an actor already known: choose in “${field.label}”.`);
      field.input.current?.focus();
      return;
    }
    const actorRef = toRef(actorChoice);
    const viaRef = toRef(viaChoice);
    const date = found?.claimedOn && claimedOn === firstDate ? found.claimedOn.date : claimedOn;
    if (!actorRef) {
      setError('Type who made the claim in “Claimed by”.');
      return;
    }
    if (date && isoDay(date) !== date) {
      setError('Write the date the claim was made as YYYY-MM-DD, e.g. 2025-05-14, or leave it empty.');
      return;
    }
    const saved = await run(() =>
      api.call('claims.set', {
        highlightId: highlight.id,
        actor: actorRef,
        via: viaRef,
        tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
        ...(note && { noteJson: note.json, noteText: note.text }),
        claimedOn: date || null,
      }),
    );
    if (!saved) return;
    dropDraft(highlight.id);
    // Unless the analyst has gone on elsewhere while it was being saved.
    const stillHere = form.contains(document.activeElement) || document.activeElement === document.body;
    if (fromInside && stillHere) onSaved();
  }

  return (
    <form
      className="claim-editor"
      onSubmit={save}
      aria-label={claim ? 'Edit claim' : 'Tag as claim'}
      // Ctrl/Cmd+Enter saves from any field, the note included (captured before the editor sees it).
      onKeyDownCapture={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.stopPropagation();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <ActorPicker
        label={actorField.label}
        role="speaker"
        inputRef={actorField.input}
        value={actor}
        onChange={actorField.answering(editing(setActor))}
        autoFocus={focusActor}
        hint={prefill?.actor && actor?.name === prefill.actor.actor.name ? prefill.actor.reason : !actor ? prefill?.noSpeaker : null}
      />
      <ActorPicker
        label={viaField.label}
        role="channel"
        inputRef={viaField.input}
        value={via}
        onChange={viaField.answering(editing(setVia))}
        usualKind="outlet"
        hint={prefill?.via && via?.name === prefill.via.actor.name ? prefill.via.reason : null}
      />
      <label>
        Tags (separate with commas)
        <input value={tags} onChange={(e) => editing(setTags)(e.target.value)} list="gainsay-tags" placeholder="e.g. foreign troops, denial" />
        <datalist id="gainsay-tags">
          {allTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      {/* A plain field, not a date picker: Tab goes on to the note instead of into the picker's parts. */}
      <label>
        Date the claim was made (YYYY-MM-DD)
        <input
          value={claimedOn}
          onChange={(e) => editing(setClaimedOn)(e.target.value.trim())}
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          aria-describedby={dateReason ? dateHint : undefined}
        />
      </label>
      {dateReason && (
        <p className="prefill-hint" id={dateHint}>
          {dateReason}
        </p>
      )}
      <div className="field">
        <span className="field-label">Note</span>
        <NoteField key={highlight.id} label="Note" json={draft?.note?.json ?? claim?.noteJson ?? ''} text={draft?.note?.text ?? claim?.noteText ?? ''} onChange={editing(setNote)} />
      </div>
      <FieldError message={error} />
      {hasDraft && (
        <div className="draft-status" role="status">
          Unsaved changes: kept while you look at other claims, until you save or discard them.
          <button
            type="button"
            className="ghost"
            onClick={() => {
              dropDraft(highlight.id);
              onDiscarded();
            }}
          >
            Discard changes
          </button>
        </div>
      )}
      <div className="editor-actions">
        <button type="submit">{claim ? 'Save claim' : 'Save as claim'}</button>
        <button
          type="button"
          className="secondary"
          disabled={!selection}
          onClick={() => selection && run(() => api.call('highlights.move', { id: highlight.id, ...selection }))}
          title="Select the new span in the article first"
        >
          Move to selection
        </button>
        {claim && (
          <button type="button" className="secondary" onClick={() => removing('Untag this claim?', 'Untag', () => api.call('claims.remove', { highlightId: highlight.id }))}>
            Untag
          </button>
        )}
        {/* Its unsaved changes go with it: kept, they would be shown nowhere and still make closing the page ask. */}
        <button type="button" className="ghost" onClick={() => removing('Delete this claim?', 'Delete', () => api.call('highlights.delete', { id: highlight.id }).then(() => dropDraft(highlight.id)))}>
          Delete highlight
        </button>
      </div>
      {confirming && claim && (
        <ConfirmDialog
          title={confirming.title}
          action={`${confirming.verb} claim and ${plural(claim.linkCount, 'link')}`}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { action } = confirming;
            setConfirming(null);
            void run(action);
          }}
        >
          <p>
            This claim by {claim.actor.name} is linked to {plural(claim.linkCount, 'other claim')}. {confirming.verb === 'Untag' ? 'Untagging' : 'Deleting'} it
            deletes {claim.linkCount === 1 ? 'that link' : 'those links'} too, with their rationales. Undo brings the claim and its links back.
          </p>
        </ConfirmDialog>
      )}
    </form>
  );
}
