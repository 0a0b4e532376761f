/**
 * Just enough XML writing for a streamed export: escaped text and attributes, and elements as
 * strings. Written by hand because fast-xml-parser's builder spent 2.5 of 9 seconds on a
 * 100,000-claim REFI-QDA export (and xmlbuilder2's streaming writer far longer); a property test
 * reads its output back with a conforming parser, and the REFI-QDA test validates the whole
 * document against the QDA-XML schema.
 */

/** Characters XML 1.0 forbids even as references: they become U+FFFD. */
const FORBIDDEN = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const TEXT_TEST = new RegExp(`[&<>\\r${FORBIDDEN}]`);
const TEXT_SPECIAL = new RegExp(TEXT_TEST.source, 'g');
// In attributes, tabs and line breaks are kept as references: a parser would turn them into spaces.
const ATTRIBUTE_TEST = new RegExp(`[&<>"\\t\\n\\r${FORBIDDEN}]`);
const ATTRIBUTE_SPECIAL = new RegExp(ATTRIBUTE_TEST.source, 'g');
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
const reference = (ch: string) => REFERENCES[ch] ?? '\ufffd';

/** Text content, escaped. */
export function xmlText(text: string): string {
  return TEXT_TEST.test(text) ? text.replace(TEXT_SPECIAL, reference) : text;
}

/** An attribute value, escaped for double quotes. */
export function xmlAttribute(value: string): string {
  return ATTRIBUTE_TEST.test(value) ? value.replace(ATTRIBUTE_SPECIAL, reference) : value;
}

export type Attributes = Record<string, string | number | null | undefined>;

/** The attributes of a start tag (leading space included); null and undefined ones are left out. */
function attributeList(attributes: Attributes): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name];
    // A number's digits, sign, point and exponent need no escaping.
    if (value !== null && value !== undefined) out += ` ${name}="${typeof value === 'number' ? value : xmlAttribute(value)}"`;
  }
  return out;
}

/** A start tag. */
export function openTag(name: string, attributes: Attributes = {}): string {
  return `<${name}${attributeList(attributes)}>`;
}

/** An element with child elements (already XML, each on its own line) or, without them, empty. */
export function element(name: string, attributes: Attributes, children = ''): string {
  return children ? `<${name}${attributeList(attributes)}>\n${children}</${name}>\n` : `<${name}${attributeList(attributes)}/>\n`;
}

/** An element holding text, or nothing when the text is empty. */
export function textElement(name: string, text: string): string {
  return text ? `<${name}>${xmlText(text)}</${name}>\n` : '';
}
