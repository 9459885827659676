export * from './app-config';
export type { AuthMode, OidcConfig } from './oidc-config';
