// The API client for the point-of-sale financing family (seed 003, docs/financing.md): its calls grouped by resource. The wasm core
// (sdk/client/financing.hpp) builds each request and reads each answer; this file moves the bytes.
// Not implemented yet: the group is empty.
export function buildFinancingClient(core, shared) {
  void core;
  void shared;
  return {};
}
