/** The benchmark page: the production build of <staff-override-list>, talking REST to the Node mock. */
import '../../src/define/staff-override-list.js';
import { RestAdapter } from '../../src/adapters/rest.js';

declare global {
  interface Window {
    mountList(): void;
  }
}

window.mountList = () => {
  const list = document.createElement('staff-override-list');
  list.adapter = new RestAdapter({ baseUrl: '/api/deskguard' });
  document.body.append(list);
};
