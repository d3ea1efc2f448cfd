import { createInterface } from 'node:readline';

/** Asks for a secret on the terminal without echoing it; refuses when there is no terminal. */
export async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to ask for the password: pass --password.');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  let prompted = false;
  output._writeToOutput = (s: string) => {
    if (!prompted) {
      process.stdout.write(prompt);
      prompted = true;
    } else if (s.includes('\n')) process.stdout.write('\n');
  };
  return new Promise((resolve) =>
    rl.question(prompt, (answer) => {
      rl.close();
      resolve(answer);
    }),
  );
}
