import { describe, expect, it } from 'vitest';
import { caretMove, type CaretKey } from '../../renderer/src/reading/keyboard-caret';

const press = (key: string, mods: Partial<Omit<CaretKey, 'key'>> = {}): CaretKey => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the article text’s caret keys', () => {
  it('move as in a text field on Windows and Linux, and select with Shift', () => {
    // ← and → as on screen, so that they go the right way in a right-to-left paragraph too.
    expect(caretMove(press('ArrowRight'), false)).toEqual({ alter: 'move', direction: 'right', granularity: 'character' });
    expect(caretMove(press('ArrowLeft', { shiftKey: true }), false)).toEqual({ alter: 'extend', direction: 'left', granularity: 'character' });
    expect(caretMove(press('ArrowRight', { ctrlKey: true, shiftKey: true }), false)).toEqual({ alter: 'extend', direction: 'right', granularity: 'word' });
    expect(caretMove(press('ArrowDown'), false)).toEqual({ alter: 'move', direction: 'forward', granularity: 'line' });
    expect(caretMove(press('ArrowUp', { ctrlKey: true }), false)).toEqual({ alter: 'move', direction: 'backward', granularity: 'paragraph' });
    expect(caretMove(press('End', { shiftKey: true }), false)).toEqual({ alter: 'extend', direction: 'forward', granularity: 'lineboundary' });
    expect(caretMove(press('Home', { ctrlKey: true }), false)).toEqual({ alter: 'move', direction: 'backward', granularity: 'documentboundary' });
  });

  it('move as in a text field on a Mac: Option a word or paragraph, ⌘ the line’s or the text’s ends', () => {
    expect(caretMove(press('ArrowLeft', { altKey: true, shiftKey: true }), true)).toEqual({ alter: 'extend', direction: 'left', granularity: 'word' });
    expect(caretMove(press('ArrowRight', { metaKey: true }), true)).toEqual({ alter: 'move', direction: 'forward', granularity: 'lineboundary' });
    expect(caretMove(press('ArrowDown', { altKey: true }), true)).toEqual({ alter: 'move', direction: 'forward', granularity: 'paragraph' });
    expect(caretMove(press('ArrowUp', { metaKey: true, shiftKey: true }), true)).toEqual({ alter: 'extend', direction: 'backward', granularity: 'documentboundary' });
    expect(caretMove(press('ArrowRight', { ctrlKey: true }), true)).toBeNull();
  });

  it('leave every other key, and other modifier mixes, to the rest of the view', () => {
    for (const key of ['h', 'c', 'Enter', 'Escape', 'Tab', ' ', 'PageDown']) expect(caretMove(press(key), false)).toBeNull();
    expect(caretMove(press('ArrowRight', { altKey: true }), false)).toBeNull();
    expect(caretMove(press('ArrowRight', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(caretMove(press('Home', { metaKey: true }), false)).toBeNull();
  });
});
