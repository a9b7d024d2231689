// linebreak ships no type declarations; this covers the part Siyu uses.
declare module 'linebreak' {
  interface Break {
    /** UTF-16 offset where a new line may begin. */
    position: number;
    /** A mandatory break (a newline in the text). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
