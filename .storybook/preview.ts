import { Controls, Description, Primary, Stories, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { createElement, Fragment } from 'react';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/all.js';
import { RestAdapter } from '../src/adapters/rest.js';
import { BUSINESSES, CORE_STAFF, DeskguardMock, MOCK_BASE_URL, SCENARIOS } from '../mocks/index.js';
import { startBrowserMock } from '../mocks/browser.js';
import { directionOf, setLocale } from '../src/locale.js';
import type { StoryMockConfig } from '../stories/support/mock.js';

setCustomElementsManifest(manifest);

const started = startBrowserMock({}, { baseUrl: MOCK_BASE_URL });
const FROM_STORY = 'story';

/**
 * Every story is a world of its own: its own mock backend, answering under its own base
 * URL through the one service worker. A docs page renders all of an element's stories at
 * once, each in the state it shows alone.
 */
const worlds = new Map<string, { mock: DeskguardMock; baseUrl: string }>();
async function worldOf(id: string): Promise<{ mock: DeskguardMock; baseUrl: string }> {
  const { worker } = await started;
  let world = worlds.get(id);
  if (!world) {
    world = { mock: new DeskguardMock(), baseUrl: `${MOCK_BASE_URL}/stories/${id}` };
    worker.use(...world.mock.handlers(world.baseUrl));
    worlds.set(id, world);
  }
  return world;
}

const preview: Preview = {
  tags: ['autodocs'],
  globalTypes: {
    scenario: {
      description: 'Mock backend scenario',
      toolbar: {
        title: 'Scenario',
        icon: 'lightning',
        items: [
          { value: FROM_STORY, title: 'As the story sets it' },
          ...Object.entries(SCENARIOS).map(([value, title]) => ({ value, title })),
        ],
        dynamicTitle: true,
      },
    },
    viewer: {
      description: 'Who is signed in',
      toolbar: {
        title: 'Viewer',
        icon: 'user',
        items: [
          { value: FROM_STORY, title: 'As the story sets it' },
          ...Object.entries(CORE_STAFF).map(([value, s]) => ({ value, title: `${s.name} (${value})` })),
        ],
        dynamicTitle: true,
      },
    },
    business: {
      description: 'The business and its plan',
      toolbar: {
        title: 'Plan',
        icon: 'credit',
        items: [
          { value: FROM_STORY, title: 'As the story sets it' },
          ...Object.entries(BUSINESSES).map(([value, b]) => ({ value, title: b.label })),
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light dark', title: 'Follow the system' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the elements, and of their dates, times, money and counts',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'العربية' },
        ],
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Reading direction of the host page',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: FROM_STORY, title: 'The language’s' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: {
    scenario: FROM_STORY,
    viewer: FROM_STORY,
    business: FROM_STORY,
    theme: 'light',
    locale: 'en',
    direction: FROM_STORY,
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // A story reaches its state in its play function ("Conflict", "Review before saving"):
    // its docs page shows that state too, not the element before the play.
    // Each story once: the default page's Stories block repeats the first story below it,
    // and two copies of a story that records what it opens (a report) count each other.
    docs: {
      story: { autoplay: true },
      page: () =>
        createElement(
          Fragment,
          null,
          createElement(Title),
          createElement(Subtitle),
          createElement(Description),
          createElement(Primary),
          createElement(Controls),
          createElement(Stories, { includePrimary: false }),
        ),
    },
  },
  loaders: [
    async ({ id, parameters, globals }) => {
      const { mock, baseUrl } = await worldOf(id);
      const story: StoryMockConfig = parameters['deskguard'] ?? {};
      const pick = <T>(global: unknown, own: T): T => (global && global !== FROM_STORY ? (global as T) : own);
      mock.configure({
        scenario: pick(globals['scenario'], story.scenario ?? 'normal'),
        viewer: pick(globals['viewer'], story.viewer ?? 'admin'),
        business: pick(globals['business'], story.business ?? 'premium-new'),
        fault: story.fault,
        latencyMs: story.latencyMs ?? 300,
      });
      await setLocale(String(globals['locale'] ?? 'en'));
      return { mock, baseUrl };
    },
  ],
  decorators: [
    (story, { globals, loaded, viewMode }) => {
      const scheme = String(globals['theme'] ?? 'light');
      const locale = String(globals['locale'] ?? 'en');
      const direction = globals['direction'];
      const dir = direction && direction !== FROM_STORY ? String(direction) : directionOf(locale);
      // The host page's scheme, language and direction, as a host sets them: on the story's
      // own wrapper, so that each story on a docs page keeps its own.
      if (viewMode === 'story') {
        // A story alone is the whole page.
        const root = document.documentElement;
        root.lang = locale;
        root.dir = dir;
        root.style.colorScheme = scheme;
        document.body.style.background = 'light-dark(#f7f7f9, #121215)';
      }
      return html`<div
        class="deskguard-story"
        lang=${locale}
        dir=${dir}
        style="--dg-color-scheme: ${scheme}; color-scheme: ${scheme}; background: light-dark(#f7f7f9, #121215)"
      >
        <deskguard-provider .adapter=${new RestAdapter({ baseUrl: loaded['baseUrl'] as string })}
          >${story()}</deskguard-provider
        >
      </div>`;
    },
  ],
};

export default preview;
