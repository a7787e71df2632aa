import { clientNetworkOf } from '../http/client-network';
import type { AuthenticatedRequest } from './api-key.guard';

/**
 * Who a request counts against in per-client limits (requests a minute, open live streams): its API key, or,
 * without one, its address's network (an IPv4 address, an IPv6 /64).
 */
export function clientKeyOf(request: AuthenticatedRequest): string {
  return request.principal ? `key:${request.principal.keyId}` : `ip:${clientNetworkOf(request.ip)}`;
}
