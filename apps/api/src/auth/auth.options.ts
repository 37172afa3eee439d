export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  demoMode: boolean;
  signInLimitPerAccount: number;
  signInLimitPerAddress: number;
}
