/**
 * The URL of the compiled module of `source` (a .ts path relative to `root`, the checkout by default),
 * compiling first if needed; builds are kept in `root`/.build.
 */
export function compiled(source: string, root?: string): Promise<string>;
