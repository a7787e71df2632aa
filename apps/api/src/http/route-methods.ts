import type { NextFunction, Request, Response } from 'express';

interface RouteLayer {
  readonly route?: { readonly methods: Record<string, boolean | undefined> };
  match(path: string): boolean;
}

export interface RoutedApplication {
  readonly router?: { readonly stack: readonly RouteLayer[] };
}

/**
 * The methods the app's routes answer on a path, read from Express's own router so that it never disagrees with
 * what is served: for `Allow` on `405 Method Not Allowed` and on the answer to `OPTIONS`.
 */
export class RouteMethods {
  constructor(private readonly application: RoutedApplication) {}

  /** Upper-case, with HEAD wherever GET is (Express answers it) and OPTIONS; empty when no route has this path. */
  on(path: string): string[] {
    const methods = new Set<string>();
    for (const layer of this.application.router?.stack ?? []) {
      const route = layer.route;
      // A route for every method is middleware (correlation ids), not an answer.
      if (route === undefined || route.methods['_all'] || !layer.match(path)) continue;
      for (const [method, handled] of Object.entries(route.methods)) if (handled) methods.add(method.toUpperCase());
    }
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return [...methods].sort();
  }

  /** Answers `OPTIONS` on a path the app serves with `204` and `Allow`; anything else goes on. */
  readonly answerOptions = (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'OPTIONS') return next();
    const methods = this.on(request.path);
    if (methods.length === 0) return next();
    response.setHeader('Allow', methods.join(', '));
    response.status(204).end();
  };
}
