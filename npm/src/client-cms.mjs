// The API client for the CMS subscriptions family (seed 002, docs/cms.md): its calls grouped by resource. The wasm core
// (sdk/client/cms.hpp) builds each request and reads each answer; this file moves the bytes.
// Not implemented yet: the group is empty.
export function buildCms(core, shared) {
  void core;
  void shared;
  return {};
}
