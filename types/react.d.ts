/**
 * JSX typings for React 19, which sets properties and listens to custom events on custom
 * elements itself. Reference it once, e.g. in `src/vite-env.d.ts`:
 *
 *     /// <reference types="deskguard/react" />
 *
 * Then `<masking-settings headingLevel={3} onmasking-change={(e) => e.detail.enabled} />`
 * is checked: property names and types, and each event's type (`on` + the event name).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { DeskguardElements, DeskguardTag } from './elements.js';

type EventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

export type DeskguardReactProps<Tag extends DeskguardTag> = DetailedHTMLProps<
  HTMLAttributes<DeskguardElements[Tag]['element']>,
  DeskguardElements[Tag]['element']
> &
  Partial<DeskguardElements[Tag]['props']> &
  EventProps<DeskguardElements[Tag]['events']> & { class?: string };

type DeskguardIntrinsicElements = { [Tag in DeskguardTag]: DeskguardReactProps<Tag> };

declare module 'react' {
  namespace JSX {
    // Merging into React's own interface is the point: it gains the deskguard tags.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends DeskguardIntrinsicElements {}
  }
}
