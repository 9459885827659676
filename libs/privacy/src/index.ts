export * from './key-store';
export * from './personal-data-vault';
export * from './privacy.module';
