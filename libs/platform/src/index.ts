export * from './platform.module';
export * from './metrics';
export * from './data-dir';
export * from './logging';
export * from './backup';
