import type { WebModule } from './web-module';
import { loginModule } from './pages/login/module';
import { directoryModule } from './pages/directory/module';
import { homeModule } from './pages/home/module';
import { eldersModule } from './pages/elders/module';
import { assessmentsModule } from './pages/assessments/module';
import { providersModule } from './pages/providers/module';
import { usersModule } from './pages/users/module';
import { auditModule } from './pages/audit/module';
import { jobsModule } from './pages/jobs/module';
import { accountModule } from './pages/account/module';

/**
 * Every area of the web app. The router, the side menu (in this order) and the translations are
 * built from this list; each module's pages load from their own chunks on first visit.
 */
export const MODULES: readonly WebModule[] = [
  loginModule,
  directoryModule,
  homeModule,
  eldersModule,
  assessmentsModule,
  providersModule,
  usersModule,
  auditModule,
  jobsModule,
  accountModule,
];
