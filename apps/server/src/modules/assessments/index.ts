import { defineModule } from '../../platform/module/module-definition';
import { ASSESSMENT_ERRORS } from './assessments.errors';
import { assessmentTodos } from './assessments.todos';
export { createAgenciesService, type AgenciesService } from './agencies.service';
export { createAssessmentsService, scorePreview, type AssessmentsService } from './assessments.service';
export { createAssessmentDueService, type AssessmentDueService } from './assessment-due.service';
export { assessmentsRoutes } from './assessments.routes';
export { ASSESSMENT_ERRORS } from './assessments.errors';
export { createAssessorScope } from './assessor-scope';
export { needsAssessmentSql } from './assessment-need';
/** Who may read the before/after values of this module's audit entries (health data, assessors). */
export const ASSESSMENT_AUDIT_ENTITIES = {
  assessment: 'assessments:read',
  assessment_agency: 'assessments:read',
  assessment_due: 'assessments:read',
  assessment_request: 'assessments:read',
  assessor: 'assessments:read',
} as const;

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const assessmentsModule = defineModule({
  name: 'assessments',
  errors: ASSESSMENT_ERRORS,
  auditEntities: ASSESSMENT_AUDIT_ENTITIES,
  todos: assessmentTodos,
});
