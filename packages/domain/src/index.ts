export * from './region/region-code';
export * from './auth/roles';
export * from './auth/password-policy';
export * from './identity/resident-id';
export * from './identity/masking';
export * from './elder/categories';
export * from './region/region-settings';
export * from './elder/labels';
