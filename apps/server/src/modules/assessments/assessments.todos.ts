import type { ModuleRuntime } from '../../platform/module/module-definition';
import { can, type TodoItem, type TodoSource } from '../../platform/workbench/todo-source';
import { createRegionsService } from '../regions/index';
import { createAgenciesService } from './agencies.service';
import { createAssessmentDueService } from './assessment-due.service';
import { createAssessmentsService } from './assessments.service';

/** 工作台 items of the assessments module: tasks to fill in or review, elders due. */
export function assessmentTodos({ database }: ModuleRuntime): TodoSource {
  const regions = createRegionsService(database.db);
  const assessments = createAssessmentsService(
    database.db,
    regions,
    createAgenciesService(database.db, regions),
  );
  const due = createAssessmentDueService(database.db, regions);
  return {
    titles: {
      'assessments.returned': { 'zh-CN': '被退回待修改的评估', en: 'Assessments returned to me' },
      'assessments.draft': { 'zh-CN': '分配给我待填写的评估', en: 'Assessments assigned to me to fill in' },
      'assessments.submitted': { 'zh-CN': '待审核的评估', en: 'Assessments to review' },
      'assessments.due_requested': {
        'zh-CN': '申请重新评估的老人',
        en: 'Elders with a re-assessment request',
      },
      'assessments.due_expired': { 'zh-CN': '评估已过期的老人', en: 'Elders whose assessment has expired' },
      'assessments.due_expiring': {
        'zh-CN': '评估 30 天内到期的老人',
        en: 'Elders whose assessment expires within 30 days',
      },
    },
    async items(user) {
      const items: TodoItem[] = [];
      // Filling in is the assessors' work; officials holding the same permission only open tasks.
      if (can(user, 'assessments:write') && user.role === 'assessor') {
        items.push({
          kind: 'assessments.returned',
          count: await assessments.countMine(user, 'returned'),
          link: '/assessments?mine=true&status=returned',
          severity: 'warning',
        });
        items.push({
          kind: 'assessments.draft',
          count: await assessments.countMine(user, 'draft'),
          link: '/assessments?mine=true&status=draft',
        });
      }
      if (can(user, 'assessments:review'))
        items.push({
          kind: 'assessments.submitted',
          count: await assessments.countReviewable(user),
          link: '/assessments?status=submitted',
          severity: 'warning',
        });
      if (can(user, 'assessments:read'))
        for (const [kind, severity] of [
          ['requested', 'warning'],
          ['expired', 'danger'],
          ['expiring', 'info'],
        ] as const)
          items.push({
            kind: `assessments.due_${kind}`,
            count: await due.countDue(user, kind),
            link: `/assessments/due?kind=${kind}`,
            severity,
          });
      return items;
    },
  };
}
