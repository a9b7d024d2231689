/**
 * The file URL of the compiled counterpart of a source module (path relative to src/, e.g.
 * 'cli/main.ts'), building the copy if needed; undefined when the sources should be run through tsx.
 * `root` is the package folder (tests use a scratch one).
 */
export function compiledModule(relativeSource: string, root?: string): Promise<string | undefined>;
