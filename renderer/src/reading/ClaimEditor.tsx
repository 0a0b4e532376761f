import { useEffect, useState, type FormEvent } from 'react';
import type { Article, HighlightItem } from '../../../shared/domain';
import { api } from '../api/client';
import { ActorPicker, choiceFromRef, type ActorChoice } from '../components/ActorPicker';
import type { NoteValue } from '../components/NoteEditor';
import { NoteField } from '../components/NoteField';
import { FieldError } from '../components/FieldError';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { plural } from '../format';

function toRef(choice: ActorChoice) {
  if (!choice) return null;
  return 'id' in choice ? { id: choice.id } : { name: choice.name, kind: choice.kind, role: choice.role };
}

/**
 * Tags a highlight as a claim (or edits its claim): who made it, through whom it was reported,
 * tags, the date it was made (the article's date unless changed) and a note.
 */
export function ClaimEditor({
  article,
  highlight,
  selection,
  focusActor,
}: {
  article: Article;
  highlight: HighlightItem;
  /** The current text selection in the article, to move the highlight onto. */
  selection: { start: number; end: number; quote: string } | null;
  focusActor: boolean;
}) {
  const claim = highlight.claim;
  const [actor, setActor] = useState<ActorChoice>(choiceFromRef(claim?.actor));
  const [via, setVia] = useState<ActorChoice>(choiceFromRef(claim?.via));
  const [tags, setTags] = useState((claim?.tags ?? []).join(', '));
  const [claimedOn, setClaimedOn] = useState(claim?.claimedOn ?? article.publishedAt?.slice(0, 10) ?? '');
  /** The note as edited here; null until it is edited, so saving leaves the stored note as it is. */
  const [note, setNote] = useState<NoteValue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [allTags, setAllTags] = useState<string[]>([]);
  /** A removal waiting for the analyst to agree that the claim's links go with it. */
  const [confirming, setConfirming] = useState<{ title: string; verb: string; action: () => Promise<unknown> } | null>(null);

  useEffect(() => {
    api.call('tags.list', {}).then(setAllTags, () => {});
  }, []);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** Runs a removal of the claim, asking first when links would go with it. */
  function removing(title: string, verb: string, action: () => Promise<unknown>) {
    if (claim && claim.linkCount > 0) setConfirming({ title, verb, action });
    else void run(action);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const actorRef = toRef(actor);
    if (!actorRef) {
      setError('Choose who made the claim (or create a new actor).');
      return;
    }
    await run(() =>
      api.call('claims.set', {
        highlightId: highlight.id,
        actor: actorRef,
        via: toRef(via),
        tags: tags.split(',').map((t) => t.trim()).filter(Boolean),
        ...(note && { noteJson: note.json, noteText: note.text }),
        claimedOn: claimedOn || null,
      }),
    );
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
      <ActorPicker label="Claimed by" value={actor} onChange={setActor} autoFocus={focusActor} />
      <ActorPicker label="Reported via (optional)" value={via} onChange={setVia} defaultKind="outlet" />
      <label>
        Tags (separate with commas)
        <input value={tags} onChange={(e) => setTags(e.target.value)} list="gainsay-tags" placeholder="e.g. foreign troops, denial" />
        <datalist id="gainsay-tags">
          {allTags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <label>
        Date the claim was made
        <input type="date" value={claimedOn} onChange={(e) => setClaimedOn(e.target.value)} />
      </label>
      <div className="field">
        <span className="field-label">Note</span>
        <NoteField key={highlight.id} label="Note" json={claim?.noteJson ?? ''} text={claim?.noteText ?? ''} onChange={setNote} />
      </div>
      <FieldError message={error} />
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
        <button type="button" className="ghost" onClick={() => removing('Delete this claim?', 'Delete', () => api.call('highlights.delete', { id: highlight.id }))}>
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
