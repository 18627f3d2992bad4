/**
 * What the Storybook smoke run and the visual check share: the static build's index and
 * the scripts they run in story pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The static build's stories and docs pages, from its index.json. */
export function storybookIndex(root) {
  const entries = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries);
  return { stories: entries.filter((e) => e.type === 'story'), docs: entries.filter((e) => e.type === 'docs') };
}

/** Runs in the page: the first element matching `selector`, looking through shadow roots. */
export const deepQuery = `(selector) => {
  const walk = (root) => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const found = walk(el.shadowRoot); if (found) return found; }
    return null;
  };
  return walk(document);
}`;

/**
 * Runs in each story page before Storybook starts: records how the story ended from the
 * preview's channel ("storyFinished" comes after the play function, with its status).
 */
export const listenToStory = `(() => {
  window.__dgStory = { finished: false, status: undefined, errors: [] };
  const attach = () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) return setTimeout(attach, 2);
    channel.on('storyFinished', ({ status }) => Object.assign(window.__dgStory, { finished: true, status }));
    for (const name of ['playFunctionThrewException', 'storyThrewException', 'storyErrored', 'unhandledErrorsWhilePlaying']) {
      channel.on(name, (error) => window.__dgStory.errors.push(name + ': ' + JSON.stringify(error).slice(0, 400)));
    }
  };
  attach();
})()`;
