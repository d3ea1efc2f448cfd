import type { ReactNode } from 'react';
import type { Permission } from '@yiyang/domain';
import { useCan } from '../api/session';
import { ForbiddenPage } from '../pages/errors/ErrorPages';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}
