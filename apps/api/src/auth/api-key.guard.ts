import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiProblem } from '../problems/api-problem';
import { ACCESS, type Access } from './access.decorators';
import { ApiKeys, type Principal } from './api-keys';
import { FailedAuthentications } from './failed-authentications';
import { clientNetworkOf } from '../http/client-network';

export const API_KEYS = Symbol('API_KEYS');

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Every route declares who may call it (`@Public`, `@ReadAccess`, `@Roles`); a route that declares nothing is
 * closed, so a forgotten decorator fails safe. Keys come as `Authorization: Bearer <key>`.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKeys,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly failures: FailedAuthentications,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]) ?? { kind: 'roles', roles: [] };
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = this.authenticate(request);
    if (principal) request.principal = principal;
    if (access.kind === 'public' || (access.kind === 'read' && this.config.publicReads)) return true;
    if (!principal) {
      throw new ApiProblem(401, 'UNAUTHENTICATED', 'This route needs an API key: send Authorization: Bearer <key>');
    }
    const allowed = access.kind === 'read' ? ['reader', 'editor', 'auditor'] : access.roles;
    if (!allowed.includes(principal.role)) {
      throw new ApiProblem(403, 'FORBIDDEN', `A key of role ${principal.role} may not do this`);
    }
    return true;
  }

  private authenticate(request: Request): Principal | undefined {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    const address = clientNetworkOf(request.ip);
    const retryAfter = this.failures.retryAfter(address);
    if (retryAfter !== undefined) {
      request.res?.setHeader('Retry-After', retryAfter);
      throw new ApiProblem(
        429,
        'TOO_MANY_FAILED_AUTHENTICATIONS',
        `Too many wrong API keys from this address: retry in ${retryAfter} s`,
      );
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const principal = match?.[1] ? this.keys.authenticate(match[1]) : undefined;
    // A key that is sent but wrong is refused even on open routes: it is a client's mistake worth reporting.
    if (!principal) {
      this.failures.record(address);
      throw new ApiProblem(401, 'INVALID_API_KEY', 'The API key is not valid');
    }
    return principal;
  }
}
