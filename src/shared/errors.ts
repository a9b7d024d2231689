// User-facing failures. Every message is Simplified Chinese and says what is wrong and where;
// the CLI prints `message` (plus `details`) and exits non-zero without a stack trace.

export class SiyuError extends Error {
  constructor(
    message: string,
    /** One line per problem, e.g. "personas.yaml 第 12 行 personas[1].voice：至少描述一个语气特点". */
    readonly details: string[] = [],
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'SiyuError';
  }

  /** The full text shown to a person. */
  override toString(): string {
    return [this.message, ...this.details.map((d) => `  - ${d}`)].join('\n');
  }
}

export const isSiyuError = (e: unknown): e is SiyuError => e instanceof SiyuError;
