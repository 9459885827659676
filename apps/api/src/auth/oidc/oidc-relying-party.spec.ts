import { isUnreachable } from './oidc-relying-party';

const withCode = (message: string, code: string, cause?: unknown) =>
  Object.assign(new Error(message, { cause }), { code });

describe('a failure talking to the OpenID provider', () => {
  it('is the provider being away when the exchange timed out, was aborted, could not connect or met a server error', () => {
    expect(isUnreachable(withCode('operation timed out', 'OAUTH_TIMEOUT'))).toBe(true);
    expect(isUnreachable(withCode('operation aborted', 'OAUTH_ABORT'))).toBe(true);
    expect(isUnreachable(new Error('something went wrong', { cause: new TypeError('fetch failed') }))).toBe(true);
    expect(
      isUnreachable(
        withCode(
          'not a conform Token Endpoint response',
          'OAUTH_RESPONSE_IS_NOT_CONFORM',
          new Response(null, { status: 502 }),
        ),
      ),
    ).toBe(true);
  });

  it('is an answer that did not check out otherwise (a refused code, a bad signature), never the provider being away', () => {
    expect(
      isUnreachable(
        withCode(
          'not a conform Token Endpoint response',
          'OAUTH_RESPONSE_IS_NOT_CONFORM',
          new Response(null, { status: 400 }),
        ),
      ),
    ).toBe(false);
    expect(
      isUnreachable(withCode('JWS signature verification failed', 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED')),
    ).toBe(false);
    expect(isUnreachable('a string')).toBe(false);
  });
});
