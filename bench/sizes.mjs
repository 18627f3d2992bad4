/**
 * Sizes, side by side: what a host ships for each deskguard element (with its share of
 * Lit), the whole kit and the mocks entry, against Lit alone and the same-purpose pieces
 * of the general libraries a host would otherwise build the screens from. Every figure is
 * the import bundled as a host's bundler does (esbuild, minified, gzip -9: `hostBundle` in
 * scripts/measure-size.mjs, the measure `npm run size` gates), from the built package.
 * The peers are installed into bench/peers/ on first use, never into the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostBundle } from '../scripts/measure-size.mjs';
import { NPM, run } from '../scripts/run.mjs';

const root = resolve(import.meta.dirname, '..');
const peers = resolve(import.meta.dirname, 'peers');
const sl = (name) => `import '@shoelace-style/shoelace/dist/components/${name}/${name}.js';`;

/** Each element, and the peer pieces that would do its job in a host's own screen. */
const PAIRS = [
  { element: 'masking-settings', peer: 'Shoelace switch', source: [sl('switch')] },
  { element: 'staff-override-list', peer: 'Shoelace input + checkbox', source: [sl('input'), sl('checkbox')] },
  {
    element: 'client-alert-dialog',
    peer: 'Shoelace dialog + textarea + button',
    source: [sl('dialog'), sl('textarea'), sl('button')],
  },
  {
    element: 'verification-report',
    peer: 'vaadin-grid + sort column',
    source: [`import '@vaadin/grid/vaadin-grid.js';`, `import '@vaadin/grid/vaadin-grid-sort-column.js';`],
  },
  {
    element: 'giftcard-id-generator',
    peer: 'Shoelace input + button + copy button',
    source: [sl('input'), sl('button'), sl('copy-button')],
  },
];

function ensurePeers() {
  if (existsSync(resolve(peers, 'node_modules/@vaadin/grid'))) return;
  run(NPM, ['install', '--no-audit', '--no-fund', '--loglevel=error'], peers);
}

function version(dir, name) {
  return JSON.parse(readFileSync(resolve(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Measures every row; resolves to { rows, versions }. */
export async function measureSizes() {
  ensurePeers();
  const { elements: tags, provider } = JSON.parse(readFileSync(resolve(root, 'src/elements.json'), 'utf8'));
  const define = (tag) => `import './dist/define/${tag}.js';`;
  const ours = (source) => hostBundle(source);
  const theirs = (source) => hostBundle(source, { resolveDir: peers });
  const rows = [];
  for (const pair of PAIRS) {
    const element = await ours(define(pair.element));
    const peer = await theirs(pair.source.join('\n'));
    rows.push({ what: `<${pair.element}>`, ...element, peer: pair.peer, peerGzip: peer.gzip });
  }
  const kit = await ours(
    [...[...tags, provider].map(define), `export { RestAdapter } from './dist/adapters/rest.js';`].join('\n'),
  );
  const shoelaceSet = await theirs(['dialog', 'switch', 'checkbox', 'input'].map(sl).join('\n'));
  rows.push({
    what: `kit (${tags.length} elements + provider + RestAdapter)`,
    ...kit,
    peer: 'Shoelace dialog + switch + checkbox + input',
    peerGzip: shoelaceSet.gzip,
  });
  rows.push({
    what: 'Lit alone',
    ...(await ours(`export { LitElement, html, css } from 'lit';`)),
    peer: '',
    peerGzip: null,
  });
  const mocks = await ours(`export * from './dist/mocks/browser.js';`);
  rows.push({ what: 'mocks entry (with MSW; QA only)', ...mocks, peer: '', peerGzip: null });
  return {
    rows,
    versions: {
      lit: version(root, 'lit'),
      '@shoelace-style/shoelace': version(peers, '@shoelace-style/shoelace'),
      '@vaadin/grid': version(peers, '@vaadin/grid'),
    },
  };
}

/** The size table as text. */
export function sizeTable({ rows }) {
  const pad = (s, n) => String(s).padEnd(n);
  const num = (n) => (n == null ? '' : n.toLocaleString('en'));
  const lines = [
    pad('size (min + gzip, B)', 44) + pad('deskguard', 11) + pad('peer', 11) + pad('ratio', 7) + 'peer pieces',
  ];
  for (const r of rows) {
    const ratio = r.peerGzip ? (r.gzip / r.peerGzip).toFixed(2) : '';
    lines.push(pad(r.what, 44) + pad(num(r.gzip), 11) + pad(num(r.peerGzip), 11) + pad(ratio, 7) + r.peer);
  }
  return lines.join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const sizes = await measureSizes();
  console.log(sizeTable(sizes));
}
