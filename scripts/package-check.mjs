/**
 * The package as users get it: packs it, checks what the tarball holds, installs it into a
 * fresh project, type-checks a small consumer against the shipped .d.ts, imports every
 * public entry (Node entries in Node, browser entries in a page built by Vite and run in
 * Chromium), and checks that private paths stay private. Run after `npm run build`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromeArgs, chromePath } from './chrome-path.mjs';
import { pack, TARBALL } from './pack.mjs';
import { NPM, run } from './run.mjs';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`  ✓ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✗ ${name}\n      ${String(error.message).split('\n').join('\n      ')}`);
  }
}

// The tags the shipped manifest declares: each must be registered by the entries.
const manifest = JSON.parse(readFileSync(join(ROOT, own.customElements), 'utf8'));
const TAGS = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
if (TAGS.length < 6) throw new Error(`the manifest declares only ${TAGS.length} tags`);
const entries = Object.entries(own.exports);
const typesOnly = entries.filter(([, target]) => typeof target === 'object' && !target.default).map(([key]) => key);
const jsEntries = entries
  .filter(([key, target]) => key.endsWith('.js') && key !== './mockServiceWorker.js' && target.default)
  .map(([key]) => key);
const NODE_ONLY = ['./mocks/node.js', './mocks/server.js', './mocks/route.js', './passwords.js'];
const BOTH = ['./policy.js', './mocks.js', './server'];
const specifier = (key) => (key === '.' ? 'deskguard' : `deskguard/${key.slice(2)}`);

const report = pack();
const files = report.files.map((f) => f.path);

await check('the tarball holds the built package and no sources, tests, stories or tooling', () => {
  const stray = files.filter(
    (f) =>
      /^(src|test|stories|mocks|scripts|bench|examples|\.storybook|\.ci)\//.test(f) || /\.test\.|\.stories\./.test(f),
  );
  if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
  for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'custom-elements.json'])
    if (!files.includes(needed)) throw new Error(`missing ${needed}`);
});

await check('every export, types path and customElements file is in the tarball', () => {
  const targets = entries.flatMap(([, t]) => (typeof t === 'string' ? [t] : Object.values(t)));
  const missing = [...targets, ...Object.values(own.bin ?? {}), own.types, own.main, own.customElements]
    .map((t) => t.replace(/^\.\//, ''))
    .filter((t) => !files.includes(t));
  if (missing.length) throw new Error(`not packed: ${missing.join(', ')}`);
});

await check('sideEffects names every module that registers a tag, and nothing else in dist', () => {
  const globs = own.sideEffects.filter((g) => g.startsWith('./dist/'));
  const matches = (file) =>
    globs.some((g) => new RegExp(`^${g.slice(2).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file));
  const distModules = files.filter((f) => f.startsWith('dist/') && f.endsWith('.js'));
  const registering = distModules.filter((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    // It registers a tag itself, or imports a define module that does.
    return /customElements\.define\(|defineElement\(|["']\.\/define\//.test(text) && !f.endsWith('internal/define.js');
  });
  const unmarked = registering.filter((f) => !matches(f));
  if (unmarked.length) throw new Error(`registers a tag but is not a side effect: ${unmarked.join(', ')}`);
  const extra = distModules.filter((f) => matches(f) && !registering.includes(f));
  if (extra.length) throw new Error(`marked as a side effect but registers nothing: ${extra.join(', ')}`);
});

await check('the main entries never reach the mocks or MSW', () => {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
      if (/^msw/.test(spec)) throw new Error(`${file} imports ${spec}`);
      if (spec.startsWith('.')) walk(join(file, '..', spec).replace(/\\/g, '/'));
    }
    if (file.startsWith('dist/mocks/')) throw new Error(`reached ${file}`);
  };
  for (const key of jsEntries.filter((k) => !k.startsWith('./mocks')))
    walk(own.exports[key].default.replace(/^\.\//, ''));
});

await check('the manifest describes the shipped modules, every part and design token of each element', () => {
  const { provider, elements } = JSON.parse(readFileSync(join(ROOT, 'src/elements.json'), 'utf8'));
  const problems = [];
  for (const mod of manifest.modules) if (!files.includes(mod.path)) problems.push(`module ${mod.path} is not shipped`);
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  for (const d of declarations)
    if (d.customElement && !d.tagName) problems.push(`${d.name} is marked as an element with no tag`);
  for (const tag of [provider, ...elements]) {
    const d = declarations.find((x) => x.tagName === tag);
    if (!d) {
      problems.push(`no declaration for <${tag}>`);
      continue;
    }
    if (tag === provider) continue;
    const dir = join(ROOT, 'src/elements', tag);
    const sources = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    sources.push(readFileSync(join(ROOT, 'src/internal/styles.ts'), 'utf8'));
    if (sources.some((t) => t.includes('dialog-styles.js')))
      sources.push(readFileSync(join(ROOT, 'src/internal/dialog-styles.ts'), 'utf8'));
    const text = sources.join('\n');
    const parts = new Set((d.cssParts ?? []).map((p) => p.name));
    const props = new Set((d.cssProperties ?? []).map((p) => p.name));
    for (const [, names] of text.matchAll(/\bpart="([\w -]+)"/g))
      for (const name of names.split(/\s+/))
        if (!parts.has(name)) problems.push(`<${tag}> part "${name}" is undocumented`);
    for (const [name] of text.matchAll(/--dg-[\w-]*\w/g))
      if (!props.has(name)) problems.push(`<${tag}> honours ${name}, which its manifest does not list`);
    for (const member of d.members ?? [])
      if (member.privacy === undefined && !member.static && !member.inheritedFrom && !member.description)
        problems.push(`<${tag}> ${member.name} is public and undescribed`);
  }
  if (problems.length) throw new Error([...new Set(problems)].join('\n'));
});

await check(`the CHANGELOG has a dated section for version ${own.version}, each kind of change once`, () => {
  const text = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  const escaped = own.version.replace(/\./g, '\\.');
  const section = new RegExp(
    `^## \\[${escaped}\\] - (\\d{4}-\\d{2}-\\d{2})\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`,
    'm',
  ).exec(text);
  if (!section) throw new Error(`no "## [${own.version}] - YYYY-MM-DD" section`);
  const kinds = [...section[2].matchAll(/^### (.+)$/gm)].map((m) => m[1]);
  const allowed = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'];
  const unknown = kinds.filter((k) => !allowed.includes(k));
  const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
  if (!kinds.length) throw new Error(`the ${own.version} section lists no changes`);
  if (unknown.length || twice.length)
    throw new Error(`kinds unknown: ${unknown.join(', ')}; repeated: ${twice.join(', ')}`);
});

await check('no source map in the tarball names a source it lacks', () => {
  const broken = [];
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    const { sources = [], sourcesContent = [] } = JSON.parse(readFileSync(join(ROOT, map), 'utf8'));
    sources.forEach((source, i) => {
      const path = join(map, '..', source).replace(/\\/g, '/');
      if (sourcesContent[i] == null && !files.includes(path)) broken.push(`${map} -> ${source}`);
    });
  }
  if (broken.length) throw new Error(`maps name missing files: ${broken.slice(0, 5).join(', ')}`);
});

await check('Lit and its packages are ranges a host can share, not exact versions', () => {
  const exact = Object.entries(own.dependencies).filter(([, spec]) => /^\d/.test(spec));
  if (exact.length) throw new Error(`pinned exactly: ${exact.map(([name, spec]) => `${name}@${spec}`).join(', ')}`);
});

// A fresh project that installs the tarball, beside a Lit of its own.
const project = mkdtempSync(join(tmpdir(), 'deskguard-consumer-'));
try {
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      {
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: { deskguard: `file:${TARBALL}`, lit: '^3.0.0' },
        devDependencies: {
          msw: own.devDependencies.msw,
          // The optional peer of deskguard/react.js, as a React host has it.
          react: own.devDependencies.react,
          '@types/react': own.devDependencies['@types/react'],
          '@zxcvbn-ts/language-common': own.devDependencies['@zxcvbn-ts/language-common'],
          typescript: own.devDependencies.typescript,
          vite: own.devDependencies.vite,
        },
      },
      null,
      2,
    ),
  );
  run(NPM, ['install', '--no-audit', '--no-fund', '--loglevel=error'], project);

  await check('a host with its own Lit ends up with one copy of Lit', () => {
    const copies = run(NPM, ['ls', 'lit', 'lit-html', '@lit/reactive-element', '--all', '--parseable'], project)
      .split('\n')
      .filter((line) => /node_modules[\\/](lit|lit-html|@lit[\\/]reactive-element)$/.test(line.trim()));
    const byName = {};
    for (const line of copies) (byName[line.replace(/.*node_modules[\\/]/, '')] ??= []).push(line);
    const twice = Object.entries(byName).filter(([, paths]) => new Set(paths).size > 1);
    if (twice.length) throw new Error(`more than one copy: ${twice.map(([n, p]) => `${n} (${p.length})`).join(', ')}`);
    if (!byName.lit) throw new Error('no lit installed');
  });

  await check('a consumer type-checks against the shipped .d.ts, and wrong uses are errors', () => {
    mkdirSync(join(project, 'src'));
    writeFileSync(
      join(project, 'src/consumer.ts'),
      `${jsEntries.map((k, i) => `import * as entry${i} from '${specifier(k)}';`).join('\n')}
import { MaskingSettingsElement, RestAdapter, type AlertOutcome } from 'deskguard';
import { checkGiftCardNumber, GIFT_CARD_PRESETS } from 'deskguard/policy.js';

export const all = [${jsEntries.map((_, i) => `entry${i}`).join(', ')}];
const masking = document.createElement('masking-settings');
const typed: MaskingSettingsElement = masking;
typed.adapter = new RestAdapter({ baseUrl: '/api' });
masking.addEventListener('masking-change', (e) => e.detail.enabled satisfies boolean);
document.querySelector('client-alert-dialog')?.open({ clientId: 'c', context: 'sign-in' }).then((o: AlertOutcome) => o.status);
checkGiftCardNumber('7391 8462 0571', GIFT_CARD_PRESETS.standard).problem;

// @ts-expect-error headingLevel is a number
masking.headingLevel = 'three';
// @ts-expect-error the event's detail is typed
masking.addEventListener('masking-change', (e) => e.detail.nope);
// @ts-expect-error a private module is not exported
import('deskguard/dist/elements/masking-settings/masking-settings.js');
// @ts-expect-error the sources are not shipped
import('deskguard/src/index.js');
`,
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', project], project);
  });

  await check(`the Node entries import in Node (${[...NODE_ONLY, ...BOTH, './contract.js'].join(', ')})`, () => {
    const script = `
      const policy = await import('deskguard/policy.js');
      if (typeof policy.generateGiftCardNumber !== 'function') throw new Error('policy');
      if (policy.checkPassword('abcdefg1', policy.DEFAULT_LOGIN_SECURITY).length || policy.checkPassword('abcdefgh', policy.DEFAULT_LOGIN_SECURITY)[0] !== 'letters-and-numbers') throw new Error('checkPassword');
      const { isCommonPassword } = await import('deskguard/passwords.js');
      if (!isCommonPassword('Password1!') || isCommonPassword('tulip-harbour-9-violin')) throw new Error('passwords');
      const mocks = await import('deskguard/mocks.js');
      if (typeof mocks.DeskguardMock !== 'function') throw new Error('mocks');
      const { startNodeMock } = await import('deskguard/mocks/node.js');
      const { server } = startNodeMock();
      const res = await fetch('http://localhost/api/deskguard/viewer');
      if (!res.ok) throw new Error('mock answered ' + res.status);
      server.close();
      const { startMockServer } = await import('deskguard/mocks/server.js');
      const http = await startMockServer();
      const { runContract } = await import('deskguard/contract.js');
      const result = await runContract({
        baseUrl: http.baseUrl,
        viewers: {
          admin: { Authorization: 'Bearer staff-admin' },
          masked: { Authorization: 'Bearer staff-duty-manager' },
          unprivileged: { Authorization: 'Bearer staff-front-desk' },
          signedOut: { Authorization: 'Bearer nobody' },
        },
        maxPages: 2,
      });
      await http.close();
      if (!result.ok) throw new Error('contract kit against the mock server: ' + JSON.stringify(result.checks.filter((c) => c.problems.length)));
      for (const path of ['deskguard/dist/index.js', 'deskguard/src/index.ts', 'deskguard/package.json/../dist/all.js']) {
        try { await import(path); throw new Error('private path imported: ' + path); }
        catch (e) { if (!/ERR_PACKAGE_PATH_NOT_EXPORTED|ERR_MODULE_NOT_FOUND|ERR_INVALID_MODULE_SPECIFIER/.test(e.code)) throw e; }
      }`;
    writeFileSync(join(project, 'node-check.mjs'), script);
    run(process.execPath, ['node-check.mjs'], project);
  });

  await check('every browser entry loads in Chromium from a Vite build and registers its tags', async () => {
    const browserEntries = jsEntries.filter((k) => !NODE_ONLY.includes(k));
    writeFileSync(
      join(project, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>consumer</title></head>
<body><script type="module" src="/src/page.ts"></script></body></html>`,
    );
    writeFileSync(
      join(project, 'src/page.ts'),
      `const keys: Record<string, number> = {};
${browserEntries.map((k) => `keys['${k}'] = Object.keys(await import('${specifier(k)}')).length;`).join('\n')}
(window as unknown as { result: unknown }).result = {
  keys,
  tags: ${JSON.stringify(TAGS)}.filter((t) => !customElements.get(t)),
};
`,
    );
    run(process.execPath, [join(project, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], project);
    const server = await serve(join(project, 'dist'));
    const browser = await puppeteer.launch({ executablePath: chromePath(), args: chromeArgs, headless: true });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.waitForFunction(() => 'result' in window, { timeout: 10_000 });
      const result = await page.evaluate(() => window.result);
      if (errors.length) throw new Error(errors.join(' | '));
      if (result.tags.length) throw new Error(`not registered: ${result.tags.join(', ')}`);
      const empty = Object.entries(result.keys).filter(([, n]) => n === 0);
      if (empty.length) throw new Error(`entries exporting nothing: ${empty.map(([k]) => k).join(', ')}`);
    } finally {
      await browser.close();
      await server.close();
    }
  });
} finally {
  rmSync(project, { recursive: true, force: true });
}

console.log(`package: ${report.entryCount} files, ${report.size} B packed; types-only entries ${typesOnly.join(', ')}`);
console.log(`package: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
