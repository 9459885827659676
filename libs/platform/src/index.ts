export * from './platform.module';
export * from './metrics';
