import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../platform/db/database';
import type { AuditActor } from '../../platform/audit/audit-writer';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';
import type { Locale } from '../../platform/i18n/locale';
import { createJobRunner, type JobLog } from '../../platform/jobs/job-runner';
import { createElderImportService, ELDER_IMPORT_JOB, type Importer } from './elder-import.service';

/**
 * An import run by this process to its end, as the CLI (and the import benchmark) need: a job
 * runner of its own works the import queue only, and the caller sees progress as it goes.
 */
export async function importToEnd(
  database: Database,
  cipher: PiiCipher,
  request: {
    importer: Importer;
    actor: AuditActor;
    file: { buffer: Buffer; filename: string };
    locale: Locale;
  },
  options: { log: JobLog; onProgress?: (done: number, total: number) => void },
) {
  const jobs = createJobRunner(database, { log: options.log, work: true, queues: [ELDER_IMPORT_JOB] });
  const service = createElderImportService(database.db, cipher, jobs);
  jobs.register([service.job]);
  await jobs.start();
  try {
    const started = await service.start(request.importer, request.actor, request.file, request.locale);
    for (;;) {
      const job = await service.get(request.importer, started.id, request.locale);
      options.onProgress?.(job.processed, job.total);
      if (job.status !== 'running') return { service, job };
      await sleep(200);
    }
  } finally {
    await jobs.stop();
  }
}
