// Loaded by strict-csp.html: records CSP violations and loads the package's browser entry.
import createPayref from '/dist/index.browser.mjs';

window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
createPayref().then((payref) => { window.payref = payref; window.__ready = true; },
                    (error) => { window.__error = String(error); });
