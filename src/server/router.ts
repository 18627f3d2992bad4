/** Routes of the REST contract: a method, a path with `:name` parameters, and a handler. */
import type { RequestContext } from './context.js';

export type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface Route {
  method: Method;
  /** Relative to where the contract is served, e.g. `/staff/:id/access`. */
  path: string;
  /** Answers a `Response`, or a value answered as JSON with `status` (200 by default). */
  handler: (ctx: RequestContext) => Promise<unknown>;
  status?: number;
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/** Finds the route for a method and path, with the path's parameters decoded. */
export class Router {
  readonly #routes: Compiled[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /**
   * The route and its parameters; `'method'` when the path is served for other methods
   * only; `undefined` when it is not served at all.
   */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
    let otherMethod = false;
    for (const { route, pattern, names } of this.#routes) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        otherMethod = true;
        continue;
      }
      const params: Record<string, string> = {};
      let decoded = true;
      names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(found[i + 1]!);
        } catch {
          decoded = false;
        }
      });
      if (decoded) return { route, params };
    }
    return otherMethod ? 'method' : undefined;
  }

  /** The routes as `METHOD /path` with `{name}` parameters, as the contract's headings name them. */
  endpoints(): string[] {
    return this.#routes.map(({ route }) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
  }
}
