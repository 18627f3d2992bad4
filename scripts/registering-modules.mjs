/**
 * The package's `sideEffects` names what it ships (dist/). The builds in the repository
 * read the sources instead (the library build itself, the size check, Storybook, the
 * benchmark pages), where the modules that register elements must not be shaken away:
 * this Vite plugin marks them.
 */
const REGISTERING = /[\\/]src[\\/](define[\\/][^\\/]+|all)\.ts$|[\\/]stories[\\/]support[\\/][^\\/]+\.ts$/;

export function registeringModules() {
  return {
    name: 'deskguard-registering-modules',
    transform(code, id) {
      if (REGISTERING.test(id.split('?')[0])) return { code, map: null, moduleSideEffects: true };
      return undefined;
    },
  };
}
