import type { Messages } from './messages.zh-CN';

/** The background jobs module's texts (i18next namespace "jobs"). */
export const en: Messages = {
  menu: {
    jobs: 'Background jobs',
  },
  jobs: {
    title: 'Background jobs',
    stateFilter: 'All states',
    label: 'Job',
    state: 'State',
    progress: 'Progress',
    attempts: 'Retries',
    createdAt: 'Created',
    startedAt: 'Started',
    finishedAt: 'Finished',
    failure: 'Reason for failure',
    empty: 'No background jobs yet',
    emptyFiltered: 'No jobs in this state',
    loadFailed: 'The job list could not be loaded',
    tryAgain: 'Load again',
    retry: 'Retry',
    cancel: 'Cancel',
    retryConfirm: 'Run this job again?',
    retryHint: 'It carries on from where it stopped; finished parts are not done twice.',
    cancelConfirm: 'Cancel this job?',
    cancelHint: 'A running job stops at its next safe point; it can be retried later.',
    cancelOk: 'Cancel job',
    cancelKeep: 'Keep it',
    retried: 'The job is queued again',
    cancelled: 'The job is cancelled',
    states: {
      created: 'Queued',
      retry: 'Waiting to retry',
      active: 'Running',
      completed: 'Completed',
      cancelled: 'Cancelled',
      failed: 'Failed (no more retries)',
    },
  },
};
