export * from './axe';
export * from './http';
