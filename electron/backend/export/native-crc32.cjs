'use strict';
// buffer-crc32's API (crc32, .signed, .unsigned) over Node's native zlib.crc32, which every host
// has (Node >= 20.15; Electron's Node is newer). scripts/build-node.mjs bundles it in place of
// buffer-crc32, which yazl uses to checksum every byte it zips: in JavaScript that took about
// 0.36 s for the 82 MB of a REFI-QDA export of 100,000 claims, natively about 0.07 s.
// CommonJS, as yazl requires it. tests/unit/native-crc32.test.ts compares it with buffer-crc32.
const zlib = require('node:zlib');

function asBuffer(input) {
  if (Buffer.isBuffer(input)) return input;
  if (typeof input === 'number') return Buffer.alloc(input);
  if (typeof input === 'string') return Buffer.from(input);
  throw new Error('input must be buffer, number, or string, received ' + typeof input);
}

function unsigned(buffer, previous) {
  const start = Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : ~~previous >>> 0;
  return zlib.crc32(asBuffer(buffer), start);
}

function crc32(buffer, previous) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(unsigned(buffer, previous), 0);
  return bytes;
}
crc32.unsigned = unsigned;
crc32.signed = (buffer, previous) => unsigned(buffer, previous) | 0;

module.exports = crc32;
