import { useRef, useState } from 'react';
import type { LexicalEditor } from 'lexical';
import { LINK_KIND_LABELS, LINK_KINDS, LINK_STATUS_LABELS, LINK_STATUSES, type Link, type LinkKind, type LinkStatus } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FieldError } from '../components/FieldError';
import { NoteEditor, type NoteValue } from '../components/NoteEditor';
import { ClaimPicker } from './ClaimPicker';
import { oneLine } from '../../../shared/text/one-line';
import { submitOnModEnter } from '../keyboard';
import type { BasketClaim } from './linking-basket';

function Chosen({ label, claim }: { label: string; claim: BasketClaim }) {
  return (
    <div className="chosen-claim">
      <span className="field-label">{label}</span>
      <strong>{claim.actor}</strong> <span className="muted">in {claim.articleTitle}</span>
      <span className="claim-quote">{oneLine(claim.quote, 200)}</span>
    </div>
  );
}

/**
 * Links a claim to another: the other claim is chosen with the picker (or was chosen before,
 * in any list), with the kind of link, its status and a rationale. From the keyboard: the
 * picker's search field has the focus, Enter chooses and moves on to the rationale (or the
 * rationale has it from the start when the other claim was chosen before), Ctrl+Enter links.
 */
export function LinkDialog({
  from,
  to: chosen,
  kind: initialKind,
  onClose,
  onLinked,
}: {
  from: BasketClaim;
  to?: BasketClaim;
  kind: LinkKind;
  onClose: () => void;
  onLinked?: (link: Link) => void;
}) {
  const [kind, setKind] = useState<LinkKind>(initialKind);
  const [status, setStatus] = useState<LinkStatus>('open');
  const [to, setTo] = useState<BasketClaim | null>(chosen ?? null);
  const [rationale, setRationale] = useState<NoteValue>({ json: '', text: '' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const rationaleEditor = useRef<LexicalEditor | null>(null);

  async function save() {
    if (saving) return;
    if (!to) {
      setError('Choose the other claim first.');
      return;
    }
    setSaving(true);
    try {
      const link = await api.call('links.create', { claimA: from.claimId, claimB: to.claimId, kind, status, rationaleJson: rationale.json, rationaleText: rationale.text });
      onLinked?.(link);
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  }

  return (
    <Dialog title={kind === 'contradicts' ? 'Contradicts…' : 'Corroborates…'} onClose={onClose}>
      <div className="link-dialog" onKeyDown={submitOnModEnter(() => void save())}>
        <Chosen label="This claim" claim={from} />
        <fieldset className="segmented">
          <legend>Kind of link</legend>
          {LINK_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="link-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {LINK_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        {to ? (
          <div className="chosen-row">
            <Chosen label={kind === 'contradicts' ? 'Contradicted by' : 'Corroborated by'} claim={to} />
            {!chosen && (
              <button type="button" className="ghost" onClick={() => setTo(null)}>
                Choose another
              </button>
            )}
          </div>
        ) : (
          <ClaimPicker
            excludeClaimId={from.claimId}
            onChoose={(side) => {
              setTo({ claimId: side.claimId, actor: side.actor.name, quote: side.quote, articleTitle: side.articleTitle });
              setError(null);
              // Before the picker, which has the focus, goes.
              rationaleEditor.current?.focus();
            }}
          />
        )}
        <div className="field">
          <span className="field-label">Rationale</span>
          <NoteEditor
            label="Rationale"
            initialJson=""
            onChange={setRationale}
            placeholder="Why these claims contradict (or agree), and how sure you are…"
            autoFocus={!!chosen}
            editorRef={rationaleEditor}
          />
        </div>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as LinkStatus)}>
            {LINK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {LINK_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={save} disabled={!to || saving}>
            {kind === 'contradicts' ? 'Link as contradicting' : 'Link as corroborating'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
