export * from './signing-key';
export * from './token-verifier';
export * from './auth.guard';
