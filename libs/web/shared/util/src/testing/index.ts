export * from './axe';
export * from './dialog';
export * from './http';
