import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WorkbenchResponse } from '@yiyang/contracts';
import { api } from './client';

/**
 * The one cache key of the 工作台 counts, shared by the home page and the header bell: whatever
 * learns that something changed (a decision, a live event) invalidates this key to refresh both.
 */
export const WORKBENCH_KEY = ['workbench'] as const;

/** Counts go stale quietly: refreshed when the window regains focus and once a minute. */
const REFRESH_MS = 60_000;

export function useWorkbench() {
  const { i18n } = useTranslation();
  return useQuery({
    // Titles come in the caller's language: a switch fetches them anew.
    queryKey: [...WORKBENCH_KEY, i18n.language],
    queryFn: () => api<WorkbenchResponse>('/api/v1/workbench'),
    refetchOnWindowFocus: true,
    refetchInterval: REFRESH_MS,
  });
}
