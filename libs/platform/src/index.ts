export * from './platform.module';
export * from './metrics';
export * from './logging';
export * from './backup';
