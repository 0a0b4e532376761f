import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordId } from '../../shared/export/project-json';
import { isRecordId } from '../../shared/export/record-id';

const zodSays = (value: string) => recordId.safeParse(value).success;

const hex = fc.constantFrom(...'0123456789abcdefABCDEF-g'.split(''));
/** Strings shaped like UUIDs, some of them not quite (a wrong version or variant digit, a dash moved). */
const nearUuid = fc.tuple(fc.array(hex, { minLength: 36, maxLength: 36 }), fc.constantFrom(...'0123456789abcdef'), fc.constantFrom(...'0123456789abcdef')).map(([chars, version, variant]) => {
  const text = chars.join('').split('');
  for (const at of [8, 13, 18, 23]) text[at] = '-';
  text[14] = version;
  text[19] = variant;
  return text.join('');
});

describe('isRecordId (the export thread checks article ids without zod)', () => {
  it('answers as the project JSON schema does for any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.uuid(), nearUuid, fc.uuid().map((id) => id.toUpperCase())), (value) => isRecordId(value) === zodSays(value)), { numRuns: 2000 });
  });

  it('takes the UUIDs Gainsay makes and refuses paths', () => {
    for (const id of [crypto.randomUUID(), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']) expect([isRecordId(id), zodSays(id)]).toEqual([true, true]);
    for (const id of ['../../x', '', `${crypto.randomUUID()}\n`, `/${crypto.randomUUID()}`, 'c:\\x']) expect([isRecordId(id), zodSays(id)]).toEqual([false, false]);
  });
});
