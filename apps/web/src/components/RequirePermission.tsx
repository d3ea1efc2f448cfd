import type { ReactNode } from 'react';
import type { Permission } from '@yiyang/domain';
import { useCan } from '../api/session';
import { lazyPage } from '../web-module';

// Its own chunk: antd's Result and its illustrations are not needed until someone is refused.
const ForbiddenPage = lazyPage(() => import('../pages/errors/ErrorPages'), 'ForbiddenPage');

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}
