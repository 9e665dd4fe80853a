// oidc-provider ships no type declarations; the bench uses only its constructor and callback().
declare module 'oidc-provider';
