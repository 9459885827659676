/**
 * The identity context's projections alone, for the projection thread to load: it needs neither the
 * sign-in code nor its native hashing module.
 */
export { identityProjections } from './projections/user-directory';
