// Colours and progress only when a person is watching: on a TTY, and not when NO_COLOR is set.
export interface Terminal {
  readonly isTty: boolean;
  ok(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
}

export function terminalFor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Terminal {
  const color = stream.isTTY === true && env.NO_COLOR === undefined;
  const paint = (code: number) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { isTty: stream.isTTY === true, ok: paint(32), bad: paint(31), dim: paint(2) };
}
