export { createAgenciesService, type AgenciesService } from './agencies.service';
export { createAssessmentsService, scorePreview, type AssessmentsService } from './assessments.service';
export { createAssessmentDueService, type AssessmentDueService } from './assessment-due.service';
export { assessmentsRoutes } from './assessments.routes';
export { ASSESSMENT_ERRORS } from './assessments.errors';
