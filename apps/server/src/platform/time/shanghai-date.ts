import { shanghaiDateAt } from '@yiyang/domain';

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where the platform's days begin and end. */
export function shanghaiDate(at: Date = new Date()): string {
  return shanghaiDateAt(at);
}
