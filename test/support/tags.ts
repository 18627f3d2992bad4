/** The tag names the define modules register, as the package lists them. */
export { DESKGUARD_TAGS as DEFAULT_TAGS } from '../../src/tags.js';
