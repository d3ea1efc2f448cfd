/** pg-boss's tables live in their own schema, beside the platform's. */
export const JOB_SCHEMA = 'pgboss';
