// Types for the part of httpntlm (MIT) Latchkey uses: its NTLM message codec, `httpntlm/ntlm.js`.
declare module 'httpntlm/ntlm.js' {
  export interface Type2Message {
    serverChallenge: Buffer;
    negotiateFlags: number;
    targetInfo?: Buffer;
  }
  export interface NtlmOptions {
    username: string;
    password: string;
    domain?: string;
    workstation?: string;
  }
  export function createType1Message(options: NtlmOptions): string;
  export function parseType2Message(header: string, callback: (err: Error) => void): Type2Message | null;
  export function createType3Message(type2: Type2Message, options: NtlmOptions): string;
  export function create_NT_hashed_password(password: string): Buffer;
}
