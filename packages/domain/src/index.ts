export * from './region/region-code';
export * from './auth/roles';
export * from './auth/password-policy';
