// Loaded with `node --require` around Electronegativity: on start it fetches translations and
// Electron release data with `got`. Tests download nothing, so `got` answers with a refusal.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutNetwork(request, ...rest) {
  if (request === 'got') {
    const refuse = () => Promise.reject(new Error('network disabled in tests'));
    const got = Object.assign(refuse, { get: refuse, extend: () => got });
    return { __esModule: true, default: got };
  }
  return load.call(this, request, ...rest);
};
