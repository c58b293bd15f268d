// Sucrase's tokenizer is not part of its typed public entry; these are the few
// pieces scan-source.ts uses (sucrase 3.35, CommonJS build).
declare module 'sucrase/dist/parser/index.js' {
  export interface SucraseToken {
    type: number;
    start: number;
    end: number;
    isType: boolean;
    contextualKeyword: number;
  }
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): { tokens: SucraseToken[] };
}
declare module 'sucrase/dist/parser/tokenizer/types.js' {
  export const TokenType: Record<string, number>;
}
declare module 'sucrase/dist/parser/tokenizer/keywords.js' {
  export const ContextualKeyword: Record<string, number>;
}
