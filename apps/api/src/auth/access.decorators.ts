import { SetMetadata } from '@nestjs/common';
import type { Role } from './api-keys';

export const ACCESS = Symbol('ACCESS');

/** Who may call a route: `read` is open while TIMELINE_PUBLIC_READS is true, `public` always (health, docs). */
export type Access = { kind: 'public' } | { kind: 'read' } | { kind: 'roles'; roles: readonly Role[] };

export const Public = () => SetMetadata(ACCESS, { kind: 'public' } satisfies Access);
/** Readers, editors and auditors; anyone while reads are public. */
export const ReadAccess = () => SetMetadata(ACCESS, { kind: 'read' } satisfies Access);
export const Roles = (...roles: Role[]) => SetMetadata(ACCESS, { kind: 'roles', roles } satisfies Access);
