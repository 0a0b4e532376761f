import { useEffect, useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { guessActorKind } from '../../../shared/assist/actor-kind';
import { ACTOR_KIND_LABELS, type ActorKind, type ActorMatch, type ActorRef } from '../../../shared/domain';
import { ActorKindSelect } from './ActorKindSelect';
import { api } from '../api/client';
import { FieldError } from './FieldError';

/** What the picker holds: an existing actor, a new one to create on save, or nothing. */
export type ActorChoice = { id: string; name: string } | { name: string; kind: ActorKind; role: string } | null;

type Option =
  | { type: 'actor'; match: ActorMatch }
  | { type: 'alias'; match: ActorMatch; alias: string }
  | { type: 'new'; name: string };

function label(option: Option): string {
  if (option.type === 'new') return `Create new actor “${option.name}”`;
  if (option.type === 'alias') return `${option.match.actor.name}, and add “${option.alias}” as an alias`;
  const { actor, matched } = option.match;
  return matched === actor.name ? actor.name : `${actor.name} (also “${matched}”)`;
}

/** What typing `typed` offers, given the actors it matches: each of them, and a new actor unless one is exactly that name. */
function optionsFor(typed: string, matches: ActorMatch[]): Option[] {
  const next: Option[] = matches.map((match) => (match.kind === 'variant' ? { type: 'alias', match, alias: typed } : { type: 'actor', match }));
  if (!matches.some((m) => m.kind === 'exact')) next.push({ type: 'new', name: typed });
  return next;
}

/** Whether a name not known as such is a known actor's name written another way (a transliteration variant). */
export async function isVariantOfKnown(name: string): Promise<boolean> {
  const matches = await api.call('actors.match', { text: name });
  return matches.some((m) => m.kind === 'variant');
}

/**
 * Chooses an actor by typing: existing actors by name or alias ignoring case and diacritics,
 * transliteration variants offered with "add as alias", or a new actor created inline, its kind
 * guessed from the name (and changeable). An ARIA combobox: arrows move, Enter chooses what is
 * being typed, Escape closes. Enter on a name already chosen (or filled in) is left to the form,
 * which saves. `hint` says where a filled-in name came from. A new actor's name filled in that is
 * a known actor's written another way ("Shtefan Dumitresku" for "Ştefan Dumitrescu") is offered
 * as typing it would be: the list opens on "Ştefan Dumitrescu, and add … as an alias", Enter
 * takes it, and the analyst can still choose the new actor or type another name.
 */
export function ActorPicker({
  label: fieldLabel,
  role,
  value,
  onChange,
  usualKind = 'person',
  autoFocus = false,
  hint = null,
  inputRef,
}: {
  label: string;
  /** What the actor is to the claim, naming the field for a new actor's kind ("speaker"): two pickers in one form need two names. */
  role: string;
  value: ActorChoice;
  onChange: (choice: ActorChoice) => void;
  /** The kind a new actor here most often is, when its name tells nothing else. */
  usualKind?: ActorKind;
  autoFocus?: boolean;
  hint?: string | null;
  /** The name field, for a form that sends the analyst back to it. */
  inputRef?: RefObject<HTMLInputElement | null>;
}) {
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState(0);
  /** The kind the analyst chose for a new actor; until then it is guessed from the name. */
  const [chosenKind, setChosenKind] = useState<ActorKind | null>(null);
  /** Whether a name is being typed (Enter picks from the list) rather than chosen (Enter saves). */
  const [typing, setTyping] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ownInput = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownInput;
  const hintId = useId();
  const kindFor = (name: string) => chosenKind ?? guessActorKind(name, usualKind);

  /** A filled-in name whose options are already listed: opening the list for it asks no more. */
  const offered = useRef<string | null>(null);
  /** Set when a name from outside replaces the text, until it is in the input. */
  const filledIn = useRef(false);
  useEffect(() => {
    // A name set from outside (chosen, filled in): shown as it is, not as being typed.
    if ((value?.name ?? '') === text.trim()) return;
    filledIn.current = (value?.name ?? '') !== text;
    setText(value?.name ?? '');
    setTyping(false);
    if (!value || 'id' in value) return;
    // Never merged by itself (transliteration.ts): offered, as if typed, when it may be a known actor.
    let live = true;
    const filled = value.name;
    api.call('actors.match', { text: filled }).then((matches) => {
      if (!live || !matches.some((m) => m.kind === 'variant')) return;
      offered.current = filled;
      setOptions(optionsFor(filled, matches));
      setCursor(0);
      setTyping(true);
      setOpen(true);
    }, () => {});
    return () => {
      live = false;
    };
  }, [value?.name]);
  // A name filled in while the analyst is already in the field (the sentence's reading arriving
  // late) is selected: what they type next replaces it instead of running on from it.
  useLayoutEffect(() => {
    if (!filledIn.current) return;
    filledIn.current = false;
    if (document.activeElement === input.current) input.current?.select();
  }, [text]);

  useEffect(() => {
    if (!open) return;
    const typed = text.trim();
    if (!typed) {
      setOptions([]);
      return;
    }
    // Asked again, its answer would move the choice back to the first option under the analyst's arrow keys.
    if (offered.current === typed) {
      offered.current = null;
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.call('actors.match', { text: typed }).then((matches) => {
        if (!live) return;
        const exact = matches.find((m) => m.kind === 'exact');
        // A name typed in full is that actor, picked or not.
        if (exact && value && !('id' in value) && value.name === typed) onChange({ id: exact.actor.id, name: typed });
        setOptions(optionsFor(typed, matches));
        setCursor(0);
      }, () => {});
    }, 60);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open]);

  async function choose(option: Option) {
    setOpen(false);
    setTyping(false);
    setError(null);
    if (option.type === 'new') {
      onChange({ name: option.name, kind: kindFor(option.name), role: '' });
      return;
    }
    if (option.type === 'alias') {
      try {
        await api.call('actors.addAlias', { id: option.match.actor.id, alias: option.alias });
      } catch (e) {
        setError((e as Error).message);
      }
    }
    onChange({ id: option.match.actor.id, name: option.match.actor.name });
    setText(option.match.actor.name);
  }

  const isNew = value !== null && 'kind' in value;
  return (
    <div className="actor-picker">
      <label>
        {fieldLabel}
        <input
          ref={input}
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[cursor] ? `${listId}-${cursor}` : undefined}
          aria-describedby={hint ? hintId : undefined}
          value={text}
          autoFocus={autoFocus}
          placeholder="Type a name…"
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setTyping(true);
            // What is typed is used as typed: a new actor, unless it turns out to be an existing one.
            const typed = e.target.value.trim();
            if (typed !== value?.name) onChange(typed ? { name: typed, kind: kindFor(typed), role: '' } : null);
          }}
          // A name filled in or chosen is not offered again on focus: the list would cover its hint.
          onFocus={() => typing && setOpen(true)}
          // Typing a name over itself is typing too (onChange skips a value that did not change).
          onInput={() => {
            setTyping(true);
            setOpen(true);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' && !open) setOpen(true);
            else if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, options.length - 1));
            else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
            else if (e.key === 'Enter' && typing && open && options[cursor]) void choose(options[cursor]!);
            else if (e.key === 'Escape') setOpen(false);
            else return;
            e.preventDefault();
          }}
        />
      </label>
      {hint && (
        <p className="prefill-hint" id={hintId}>
          {hint}
        </p>
      )}
      {open && options.length > 0 && (
        <ul className="picker-options" role="listbox" id={listId} aria-label={`${fieldLabel} suggestions`}>
          {options.map((option, i) => (
            <li
              key={i}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === cursor}
              className={option.type}
              onMouseDown={(e) => {
                e.preventDefault();
                void choose(option);
              }}
            >
              {label(option)}
            </li>
          ))}
        </ul>
      )}
      {isNew && (
        <div className="new-actor-kind">
          <span className="new-actor-name">
            New actor: <strong>{value.name}</strong> ({ACTOR_KIND_LABELS[value.kind].toLowerCase()})
          </span>
          <ActorKindSelect
            label={`Kind of new actor (${role})`}
            value={value.kind}
            onChange={(next) => {
              setChosenKind(next);
              onChange({ ...(value as { name: string; role: string }), kind: next });
            }}
          />
        </div>
      )}
      <FieldError message={error} />
    </div>
  );
}

export function choiceFromRef(ref: ActorRef | null | undefined): ActorChoice {
  return ref ? { id: ref.id, name: ref.name } : null;
}
