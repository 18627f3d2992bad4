import type { Plugin } from 'vite';

export function collapseTemplateWhitespace(): Plugin;
