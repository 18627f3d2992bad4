/** The benchmark page: the production build of <permission-groups>, talking REST to the Node mock. */
import '../../src/define/permission-groups.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    mountGroups(): void;
  }
}

window.mountGroups = () => {
  const groups = document.createElement('permission-groups');
  groups.adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  document.body.append(groups);
};
