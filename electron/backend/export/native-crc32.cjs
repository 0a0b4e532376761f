'use strict';
// buffer-crc32's API (crc32, .signed, .unsigned) over Node's native zlib.crc32, which every host
// has (Node >= 20.15; Electron's Node is newer). scripts/build-node.mjs bundles it in place of
// buffer-crc32, which yazl uses to checksum every byte it zips: over the 82 MB a REFI-QDA export
// of 100,000 claims zips, 0.36 s in JavaScript against 0.07 s natively (alone); the export took
// about 0.17 s less CPU.
// CommonJS, as yazl requires it. tests/unit/native-crc32.test.ts compares it with buffer-crc32.
const zlib = require('node:zlib');

// zlib.crc32 takes a buffer or text (as UTF-8), as buffer-crc32 does; a previous checksum may be
// given as a number or as buffer-crc32's four bytes.
function unsigned(buffer, previous) {
  const start = Buffer.isBuffer(previous) ? previous.readUInt32BE(0) : ~~previous >>> 0;
  return zlib.crc32(buffer, start);
}

function crc32(buffer, previous) {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(unsigned(buffer, previous), 0);
  return bytes;
}
crc32.unsigned = unsigned;
crc32.signed = (buffer, previous) => unsigned(buffer, previous) | 0;

module.exports = crc32;
