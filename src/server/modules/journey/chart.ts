/**
 * A small server-rendered SVG of mood (1-5) and craving (0-10) over a range of days, with check-in days marked and
 * setbacks drawn as dashed lines. Presentation attributes only (no style attributes), so it needs no CSP exception,
 * and a <title>/<desc> for assistive technology.
 */
export interface ChartInput {
  days: string[];
  points: Array<{ date: string; mood: number; craving: number }>;
  setbacks: string[];
  labels: { title: string; desc: string; mood: string; craving: string; setback: string };
  /** How an axis date reads in the member's language. */
  formatDate: (date: string) => string;
}

// Drawn small and scaled up by the page, so its text stays legible on a phone.
const W = 360;
const H = 200;
const PAD = { left: 8, right: 8, top: 24, bottom: 34 };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderChart({ days, points, setbacks, labels, formatDate }: ChartInput): string {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const index = new Map(days.map((d, i) => [d, i]));
  const x = (date: string) => PAD.left + (days.length <= 1 ? 0 : (index.get(date)! / (days.length - 1)) * innerW);
  // Both series share one axis: mood 1-5 scaled onto craving's 0-10.
  const y = (value: number) => PAD.top + innerH - (value / 10) * innerH;
  const line = (key: 'mood' | 'craving') =>
    points
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.date).toFixed(1)},${y(key === 'mood' ? (p.mood - 1) * 2.5 : p.craving).toFixed(1)}`)
      .join(' ');
  const grid = [0, 2.5, 5, 7.5, 10]
    .map((v) => `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="#d9d4cc" stroke-width="1"/>`)
    .join('');
  const marks = points.map((p) => `<rect x="${(x(p.date) - 2).toFixed(1)}" y="${H - PAD.bottom + 6}" width="4" height="6" fill="#1f5c55"/>`).join('');
  const setbackLines = setbacks
    .filter((d) => index.has(d))
    .map((d) => `<line x1="${x(d).toFixed(1)}" x2="${x(d).toFixed(1)}" y1="${PAD.top}" y2="${H - PAD.bottom}" stroke="#9a5b13" stroke-width="2" stroke-dasharray="4 3"/>`)
    .join('');
  const first = days[0] ? formatDate(days[0]) : '';
  const last = days.length ? formatDate(days[days.length - 1]!) : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="t d">`,
    `<title id="t">${esc(labels.title)}</title><desc id="d">${esc(labels.desc)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#fffdf9"/>`,
    grid,
    setbackLines,
    points.length ? `<path d="${line('craving')}" fill="none" stroke="#9a5b13" stroke-width="2.5"/>` : '',
    points.length ? `<path d="${line('mood')}" fill="none" stroke="#1f5c55" stroke-width="2.5"/>` : '',
    marks,
    `<text x="${PAD.left}" y="${H - 6}" font-size="14" fill="#3b3f44" font-family="sans-serif">${esc(first)}</text>`,
    `<text x="${W - PAD.right}" y="${H - 6}" font-size="14" fill="#3b3f44" font-family="sans-serif" text-anchor="end">${esc(last)}</text>`,
    `<text x="${PAD.left}" y="${PAD.top - 8}" font-size="14" fill="#1f5c55" font-family="sans-serif">${esc(labels.mood)}</text>`,
    `<text x="${PAD.left + 90}" y="${PAD.top - 8}" font-size="14" fill="#9a5b13" font-family="sans-serif">${esc(labels.craving)}</text>`,
    '</svg>',
  ].join('');
}
