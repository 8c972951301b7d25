// Deterministic benchmark inputs (a fixed LCG, so every run measures the same 100k values).

function lcg(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
}

function luhnComplete(body) {
  let sum = 0;
  for (let i = body.length - 1, twice = true; i >= 0; i--, twice = !twice) {
    let d = body.charCodeAt(i) - 48;
    if (twice) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return body + ((10 - (sum % 10)) % 10);
}

// What checkout fields see: complete valid numbers of many brands, typos, numbers still being
// typed, and grouped input, in roughly equal parts.
const PREFIXES = [['4', 16], ['51', 16], ['2221', 16], ['34', 15], ['37', 15], ['36', 14], ['6011', 16],
  ['3528', 16], ['62', 16], ['6304', 16], ['2200', 16], ['5067', 16], ['9792', 16], ['4', 19]];

export function cardNumbers(count = 100_000) {
  const next = lcg(20261123);
  const out = [];
  for (let i = 0; i < count; i++) {
    const [prefix, length] = PREFIXES[next() % PREFIXES.length];
    let body = prefix;
    while (body.length < length - 1) body += String(next() % 10);
    let n = luhnComplete(body);
    switch (i % 4) {
      case 1: n = n.slice(0, -1) + String((Number(n.at(-1)) + 1 + (next() % 8)) % 10); break;  // typo
      case 2: n = n.slice(0, 1 + (next() % (n.length - 1))); break;                               // typing
      case 3: n = n.replace(/(\d{4})(?=\d)/g, '$1 '); break;                                       // grouped
      default: break;
    }
    out.push(n);
  }
  return out;
}

export function expiryDates(count = 100_000) {
  const next = lcg(1123);
  const out = [];
  for (let i = 0; i < count; i++) {
    const m = 1 + (next() % 12);
    const y = 2020 + (next() % 30);
    const mm = String(m).padStart(2, '0');
    const yy = String(y % 100).padStart(2, '0');
    const forms = [`${mm}/${yy}`, `${m}/${yy}`, `${mm} / ${y}`, `${mm}${yy}`, `${mm}${y}`, `${mm} ${yy}`, `${y}-${mm}`, `${mm}/`];
    out.push(forms[next() % forms.length]);
  }
  return out;
}
