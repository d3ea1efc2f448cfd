export * from './common';
export * from './auth';
export * from './users';
export * from './regions';
export * from './audit';
export * from './validation-messages';
export * from './elders';
export * from './settings';
