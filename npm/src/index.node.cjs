'use strict';
// CommonJS entry (`require('payref')`, the "require" condition under "node" in package.json).
// The package is ES modules; creating a module is asynchronous anyway, so these wrappers
// import the ES entry on first use and return the same promises it does:
//   const createPayref = require('payref');               // or: const { createPayref, createClient } = require('payref')
//   const payref = await createPayref();
// The error classes are the ES module's own classes (one identity for `instanceof`, whichever
// entry threw): read synchronously where Node can require() an ES module (20.19+, 22.12+), and
// otherwise present once createPayref/createClient has resolved — before that no client exists
// that could throw one.
let esm = null;
let loading = null;
const load = () => (loading ??= import('./index.node.mjs').then((m) => (esm = m)));

async function createPayref(options) {
  return (await load()).createPayref(options);
}
async function createClient(options) {
  return (await load()).createClient(options);
}

let errors = null;
try {
  errors = require('./client-errors.mjs');
} catch {
  // ERR_REQUIRE_ESM: this Node cannot require() ES modules; filled in by load() instead.
}

module.exports = createPayref;
createPayref.createPayref = createPayref;
createPayref.createClient = createClient;
createPayref.default = createPayref;
for (const name of ['PayrefError', 'ValidationError', 'DeclinedError', 'AuthenticationError',
  'NotFoundError', 'ConflictError', 'NetworkError', 'ServerError']) {
  Object.defineProperty(createPayref, name, { enumerable: true, get: () => (errors ?? esm)?.[name] });
}
