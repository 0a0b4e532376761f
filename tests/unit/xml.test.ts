import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { element, textElement, xmlAttribute, xmlText } from '../../electron/backend/export/xml';

const { DOMParser } = new JSDOM('').window;

/** Parses with a conforming XML parser (jsdom's), failing on any well-formedness error. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

/** What XML can carry of a string: characters it forbids come back as U+FFFD. */
const carried = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\ufffd');

// Markup, references, every kind of line break and white space, forbidden controls, emoji and CJK.
const awkward = fc
  .array(fc.constantFrom('a', '&', '<', '>', '"', "'", ']]>', '&amp;', '&#9;', '\t', '\n', '\r', '\r\n', '\u0000', '\u0001', '\u001f', '\u007f', '\ufffe', '\u00a0', ' ', '停', '😀', 'é'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('XML writing', () => {
  it('gives back any text and attribute value through a conforming parser', () => {
    fc.assert(
      fc.property(awkward, awkward, (text, value) => {
        const doc = parse(element('Root', { value }, `<Text>${xmlText(text)}</Text>`));
        expect(doc.documentElement.getAttribute('value')).toBe(carried(value));
        expect(doc.getElementsByTagName('Text')[0]!.textContent).toBe(carried(text));
      }),
    );
  });

  it('leaves plain text as it is, and leaves out empty text elements and missing attributes', () => {
    expect(xmlText('Pelkov denied it — 停火')).toBe('Pelkov denied it — 停火');
    expect(xmlAttribute('a "b" & c\n')).toBe('a &quot;b&quot; &amp; c&#10;');
    expect(textElement('Description', '')).toBe('');
    expect(element('Code', { guid: 'x', name: null, role: undefined, position: 3 })).toBe('<Code guid="x" position="3"/>\n');
  });
});
