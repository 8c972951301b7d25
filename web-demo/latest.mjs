// The page's asynchronous actions whose answers can overlap — the discount check, the financing
// offers, a payment — each count their requests on the area of the page that shows them, and only
// the answer to the latest request is applied: an answer to a request a newer one has superseded is
// dropped, whatever order the answers arrive in. The area says where it stands:
//   aria-busy="true", data-state="pending"   while its latest request is in flight;
//   data-state="<outcome>"                   once that answer is shown ("applied", "declined", …);
//   data-request="n"                         requests started so far;
//   data-answered="n"                        the request whose answer (or local outcome) is shown;
//   data-superseded="n"                      answers dropped because a newer request was started.
// A test waits until data-answered reaches the request it started (and aria-busy is gone): a state
// only that answer produces, never text an earlier answer may have left on screen.

/** Requests of one page area; begin() starts one and returns its ticket. */
export function latestRequests(area) {
  let started = 0;
  let answered = 0;
  let superseded = 0;
  area.dataset.request = '0';
  area.dataset.answered = '0';
  area.dataset.superseded = '0';
  return {
    /** Whether the latest request is still in flight. */
    get pending() { return answered !== started; },
    begin() {
      const n = ++started;
      area.dataset.request = String(n);
      area.dataset.state = 'pending';
      area.setAttribute('aria-busy', 'true');
      return {
        /** A newer request was started: this one's answer must not be shown. */
        get stale() { return n !== started; },
        /** Records that this (stale) request's answer was dropped. */
        drop() {
          superseded += 1;
          area.dataset.superseded = String(superseded);
        },
        /** This request's outcome is on screen (called once the page has shown it, in the same task). */
        finish(state) {
          if (n !== started) return;
          answered = n;
          area.dataset.state = state;
          area.dataset.answered = String(n);
          area.removeAttribute('aria-busy');
        },
      };
    },
  };
}
