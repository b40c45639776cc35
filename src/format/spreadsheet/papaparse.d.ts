/**
 * The part of papaparse we use, typed here instead of through @types/papaparse: those types
 * reference Node's (`/// <reference types="node" />`), which would put `Buffer` and `process` into
 * the engine's DOM-free, Node-free type check (tsconfig.engine.json) for every pure module.
 * Importing the package's own file path keeps TypeScript from resolving @types/papaparse.
 */
declare module 'papaparse/papaparse.min.js' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: 'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
    message: string;
    /** Index of the record in `data` (absent for file-wide errors). */
    row?: number;
  }

  export interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number };
  }

  export interface ParseConfig {
    /** Empty: guess among `delimitersToGuess`. */
    delimiter?: string;
    delimitersToGuess?: string[];
    /** Parse at most this many records. */
    preview?: number;
    skipEmptyLines?: boolean | 'greedy';
    header?: false;
    dynamicTyping?: false;
  }

  export interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    quotes?: boolean;
    escapeFormulae?: boolean;
  }

  const Papa: {
    parse(input: string, config: ParseConfig): ParseResult;
    unparse(data: readonly (readonly string[])[], config: UnparseConfig): string;
  };
  export default Papa;
}
