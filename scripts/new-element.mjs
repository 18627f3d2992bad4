/**
 * Starts a new element: `npm run new-element -- <tag> --title "…" --description "…"`.
 * Writes its folder (`src/elements/<tag>/`: the class on DeskguardElement, loading
 * through a Loader, its styles and events), a test that runs the conformance suite and a
 * story, then `npm run generate` writes everything that names the elements from them:
 * the list of tags, the define module, the barrel, the package export, the host
 * typings and the reference docs. The title and description become messages in the
 * translations: give them in Spanish and Arabic with --title-es, --title-ar,
 * --description-es and --description-ar, or translate them in xliff/ afterwards (npm
 * test says which until then).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { className, pascal, readElements, ROOT } from './elements.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    description: { type: 'string' },
    'title-es': { type: 'string' },
    'title-ar': { type: 'string' },
    'description-es': { type: 'string' },
    'description-ar': { type: 'string' },
    root: { type: 'string', default: ROOT },
  },
});
const tag = positionals[0] ?? '';
const root = values.root;
if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/.test(tag)) {
  console.error('Usage: npm run new-element -- <tag-with-a-dash> --title "Title" --description "What it does."');
  process.exit(2);
}
const list = readElements(root);
if (list.elements.includes(tag) || existsSync(join(root, 'src/elements', tag))) {
  console.error(`<${tag}> exists already.`);
  process.exit(2);
}
const title = values.title ?? pascal(tag).replace(/([a-z])([A-Z])/g, '$1 $2');
const description = values.description ?? `What <${tag}> is for, in a sentence.`;
const Name = className(tag);
const Ready = `${pascal(tag)}ReadyEvent`;
const quote = (text) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function write(path, text) {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`  wrote ${path}`);
}

write(
  `src/elements/${tag}/${tag}.ts`,
  `import { html, type TemplateResult } from 'lit';
import type { AnswerChecks } from '../../internal/adapter-call.js';
import { DeskguardElement, states } from '../../internal/deskguard-element.js';
import { emit } from '../../core/events.js';
import { faultRegion } from '../../internal/fault-region.js';
import { Loader } from '../../internal/loader.js';
import { msg } from '../../internal/localize.js';
import { viewerSchema } from '../../adapters/schemas.js';
import type { Viewer } from '../../core/types.js';
import { ${Ready} } from './events.js';
import { styles } from './${tag}.styles.js';

/**
 * ${description}
 *
 * @summary ${title}.
 * @tag ${tag}
 *
 * @fires {${Ready}} ${tag}-ready - The element loaded what it shows; \`detail.viewer\` is the signed-in staff member.
 * @fires {UpgradeRequestEvent} deskguard-upgrade-request - The user asked to see plans.
 * @fires {SignInRequestEvent} deskguard-sign-in-request - The session ended and the user asked to sign in again.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading.
 * @csspart description - What the element is for.
 * @csspart content - What it shows.
 * @csspart error - A failed load, with its way forward.
 * @csspart button - Every button.
 */
export class ${Name} extends DeskguardElement {
  /** What this element reads of each answer, checked before it renders it. */
  static override answers: AnswerChecks = { getViewer: viewerSchema };
  static override styles = [...DeskguardElement.styles, styles];
  static override properties = states('viewer');

  private viewer: Viewer | undefined;
  /** Loads when the element gets an adapter, and on \`reload()\`; the latest load wins. */
  readonly #loading = new Loader(this, {
    load: (adapter, _, signal) => adapter.getViewer({ signal }),
    loaded: (viewer) => {
      this.viewer = viewer;
      emit(this, new ${Ready}({ viewer }));
    },
  });

  /** Loads again. */
  async reload(): Promise<void> {
    await this.#loading.reload();
  }

  protected override render(): TemplateResult {
    return this.card(
      {
        title: msg(${quote(title)}),
        description: msg(${quote(description)}),
        busy: this.#loading.pending,
      },
      () => this.#renderBody(),
    );
  }

  #renderBody(): TemplateResult {
    const error = this.#loading.error;
    if (error) return faultRegion(error, { lead: msg(${quote(title)}), retry: () => void this.reload() });
    if (!this.viewer) return html\`<p role="status" class="muted">\${msg('Loading…')}</p>\`;
    return html\`<p part="content">\${this.viewer.name}</p>\`;
  }
}
`,
);

write(
  `src/elements/${tag}/${tag}.styles.ts`,
  `import { css } from 'lit';

export const styles = css\`
  [part='content'] {
    margin: 0;
    overflow-wrap: anywhere;
  }
\`;
`,
);

write(
  `src/elements/${tag}/events.ts`,
  `import { DeskguardEvent } from '../../core/events.js';
import type { Viewer } from '../../core/types.js';

export interface ${pascal(tag)}ReadyDetail {
  viewer: Viewer;
}

/** Fired when <${tag}> has loaded what it shows. */
export class ${Ready} extends DeskguardEvent<${pascal(tag)}ReadyDetail> {
  static readonly eventName = '${tag}-ready';
  constructor(detail: ${pascal(tag)}ReadyDetail) {
    super(${Ready}.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    '${tag}-ready': ${Ready};
  }
}
`,
);

write(
  `test/${tag}.test.ts`,
  `import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import '../src/define/${tag}.js';
import type { DeskguardAdapter } from '../src/core/adapter.js';
import type { ${Name} } from '../src/elements/${tag}/${tag}.js';
import { CORE_STAFF } from '../mocks/index.js';
import { runConformance } from './conformance/conformance.js';
import { $, until } from './support/dom.js';
import { restAdapter, useMock } from './support/mock.js';

async function mount(adapter: DeskguardAdapter): Promise<${Name}> {
  return fixture<${Name}>(html\`<${tag} .adapter=\${adapter}></${tag}>\`);
}

function ready(element: ${Name}): Promise<HTMLElement> {
  return until(
    () => !element.shadowRoot?.querySelector('[part~="error"]') && $<HTMLElement>(element, '[part~="content"]'),
    'the content to load',
  );
}

runConformance<${Name}>({
  tag: '${tag}',
  mount,
  ready,
  states: [
    { name: 'loading', config: { scenario: 'slow' } },
    { name: 'loaded', config: {}, act: ready },
    {
      name: 'load failed',
      config: { scenario: 'offline' },
      act: (el) => until(() => el.shadowRoot?.querySelector('[part~="error"]'), 'the error'),
    },
  ],
  hostile: { config: {}, shown: true },
  maskedViewers: [{ viewer: 'front-desk' }],
});

describe('<${tag}>', () => {
  afterEach(() => fixtureCleanup());

  it('shows who is signed in, from the adapter', async () => {
    await useMock({ viewer: 'manager' });
    const element = await mount(restAdapter());
    expect((await ready(element)).textContent).to.contain(CORE_STAFF.manager.name);
  });
});
`,
);

write(
  `stories/${tag}.stories.ts`,
  `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { StoryMockConfig } from './support/mock.js';

type Story = StoryObj<{ 'heading-level': number }>;

const meta: Meta<{ 'heading-level': number }> = {
  title: 'Elements/${tag}',
  component: '${tag}',
  args: { 'heading-level': 2 },
  render: (args) => html\`<${tag} heading-level=\${args['heading-level']}></${tag}>\`,
};
export default meta;

const mock = (deskguard: StoryMockConfig) => ({ deskguard });

export const Loaded: Story = { name: 'Loaded', parameters: mock({}) };
export const Loading: Story = { name: 'Loading (slow network)', parameters: mock({ scenario: 'slow' }) };
export const Offline: Story = { name: 'Load failed: offline', parameters: mock({ scenario: 'offline' }) };
`,
);

// Everything that names the elements follows from the new folder: the list of tags, the
// define module, the barrel, the package export, the host typings, the reference docs.
execFileSync(process.execPath, [join(root, 'scripts/generate.mjs'), root], { cwd: root, stdio: 'inherit' });

// The messages: extracted into the XLIFF, translated where the translations were given.
const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('lit-localize'), ['extract'], { cwd: root, stdio: 'ignore' });
const translations = {
  es: { [title]: values['title-es'], [description]: values['description-es'] },
  ar: { [title]: values['title-ar'], [description]: values['description-ar'] },
};
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const untranslated = [];
for (const [locale, targets] of Object.entries(translations)) {
  const file = join(root, `xliff/${locale}.xlf`);
  let text = readFileSync(file, 'utf8');
  for (const [source, target] of Object.entries(targets)) {
    if (!target) {
      untranslated.push(`${locale}: "${source}"`);
      continue;
    }
    const unit = new RegExp(
      `(<source>${escape(source).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</source>)(?!\\s*<target>)`,
    );
    text = text.replace(unit, `$1\n  <target>${escape(target)}</target>`);
  }
  writeFileSync(file, text);
}
execFileSync(bin('lit-localize'), ['build'], { cwd: root, stdio: 'ignore' });
execFileSync(
  bin('prettier'),
  ['--write', '--log-level', 'warn', `src/elements/${tag}`, `test/${tag}.test.ts`, `stories/${tag}.stories.ts`],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

console.log(`\n<${tag}> is ready: npm test runs its conformance suite and story.`);
if (untranslated.length) {
  console.log(`Translate these in xliff/, then run npm run localize:\n  ${untranslated.join('\n  ')}`);
}
