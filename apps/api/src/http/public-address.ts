import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The address clients reach the service at, for the absolute links of feeds, calendars, downloads and the AsyncAPI
 * document: `TIMELINE_PUBLIC_URL` when set; else the request's scheme and host (from a trusted proxy,
 * TIMELINE_TRUSTED_PROXIES, those it forwards). The `Host` a client sends is its own to choose, so a deployment with
 * a cache in front sets the public URL: then no request can make the service write links to another site.
 */
@Injectable()
export class PublicAddress {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Without a trailing slash: paths are appended as `/feeds/...`. */
  baseUrlFor(request: Request): string {
    return this.config.publicUrl ?? `${request.protocol}://${request.host ?? 'localhost'}`;
  }
}
