import type { NextFunction, Request, Response } from 'express';

/**
 * The cache policy of every read that states none of its own: `no-cache`. What a read answers changes whenever the
 * log moves (a status, a list, a feed, a download, a checkpoint), so a browser, a feed reader or a cache in front may
 * keep it only to ask again; the ETag each read carries makes asking again a 304 while nothing changed. Answers
 * that must not be kept at all say so themselves (`no-store`: a webhook's secret, health, metrics, the live
 * stream), as does the page. Set before routing, so a route's own header replaces it (decision 0054).
 */
export function readCachePolicy(request: Request, response: Response, next: NextFunction): void {
  if (request.method === 'GET' || request.method === 'HEAD') response.setHeader('Cache-Control', 'no-cache');
  next();
}
