/**
 * Template typings for Vue 3 (checked by vue-tsc and editors). Reference it once, e.g.
 * in `src/env.d.ts`:
 *
 *     /// <reference types="deskguard/vue" />
 *
 * Then `<masking-settings :heading-level="3" @masking-change="onChange" />` is checked:
 * property names and types, and each event's type. Vue must also be told the tags are
 * custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith(...)`.
 */
import type { DefineComponent } from 'vue';
import type { DeskguardElements, DeskguardTag } from './elements.js';

type Camel<Name extends string> = Name extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<Camel<Tail>>}`
  : Name;

type EventProps<Events> = {
  [Name in keyof Events & string as `on${Capitalize<Camel<Name>>}`]?: (event: Events[Name]) => void;
};

export type DeskguardVueProps<Tag extends DeskguardTag> = Partial<DeskguardElements[Tag]['props']> &
  EventProps<DeskguardElements[Tag]['events']>;

type DeskguardGlobalComponents = { [Tag in DeskguardTag]: DefineComponent<DeskguardVueProps<Tag>> };

declare module 'vue' {
  // Merging into Vue's own interface is the point: it gains the deskguard tags.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends DeskguardGlobalComponents {}
}
