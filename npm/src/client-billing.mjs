// The API client for the billing family (seed 001, docs/billing.md): its calls grouped by resource. The wasm core
// (sdk/client/billing.hpp) builds each request and reads each answer; this file moves the bytes.
// Not implemented yet: the group is empty.
export function buildBilling(core, shared) {
  void core;
  void shared;
  return {};
}
