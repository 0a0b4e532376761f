/** Every keyboard shortcut, by where it works: what the `?` sheet lists. */
export const SHORTCUTS: ReadonlyArray<{ where: string; keys: ReadonlyArray<readonly [key: string, does: string]> }> = [
  {
    where: 'Anywhere',
    keys: [
      ['?', 'Show this list of shortcuts'],
      ['Ctrl+Z (⌘Z)', 'Undo'],
      ['Ctrl+Shift+Z or Ctrl+Y (⌘⇧Z)', 'Redo'],
      ['Escape', 'Close a dialog or list; in an article, close the selected claim'],
    ],
  },
  {
    where: 'Reading an article',
    keys: [
      ['← → ↑ ↓ in the text', 'Move the caret (Tab to the text first); Ctrl+← → a word, Ctrl+↑ ↓ a paragraph (⌥ on a Mac)'],
      ['Home End, Ctrl+Home Ctrl+End', 'The line’s ends, the text’s ends (⌘← ⌘→, ⌘↑ ⌘↓ on a Mac)'],
      ['Shift with those keys', 'Select from the caret, as with the mouse'],
      ['H', 'Highlight the selected text'],
      ['C', 'Record the selected text as a claim (who said it, the channel and the date are filled in when the sentence tells)'],
    ],
  },
  {
    where: 'Recording a claim',
    keys: [
      ['Enter in “Claimed by”', 'Save the claim, once a name is filled in or chosen; the focus goes back where the claim was opened from (the text, at the claim’s end, or the list)'],
      ['Ctrl+Enter (⌘Enter)', 'Save the claim from any field, the note included'],
      ['↑ ↓ then Enter', 'Choose an actor from the list while typing a name, or from the one offered for a name filled in that may be a known actor'],
      ['Tab', 'Next field: Claimed by, Reported via, tags, date, note'],
    ],
  },
  {
    where: 'Suggested claims',
    keys: [
      ['↑ ↓ or J K', 'Move through the suggestions'],
      ['Enter', 'Accept the suggestion as a claim'],
      ['X', 'Reject the suggestion'],
      ['E', 'Edit the suggestion before accepting it'],
    ],
  },
  {
    where: 'An article’s claims list',
    keys: [
      ['↑ ↓ or J K', 'Move through the highlights and claims'],
      ['Home End', 'First, last'],
    ],
  },
  {
    where: 'Review list and candidates',
    keys: [
      ['↑ ↓ or J K', 'Move through the links'],
      ['Page Up Page Down', 'Move five at a time'],
      ['Enter or 1', 'Open the earlier source'],
      ['2', 'Open the later source'],
      ['C', 'Review: confirm the link · Candidates: accept as a contradiction'],
      ['S', 'Candidates: accept as a corroboration'],
      ['D', 'Dismiss'],
      ['O', 'Review: reopen'],
      ['E', 'Review: edit the rationale'],
      ['Delete', 'Review: delete the link'],
      ['/', 'Review: search'],
    ],
  },
];
