export * from './axe';
export * from './chart';
export * from './dialog';
export * from './form';
export * from './http';
export * from './list-page';
