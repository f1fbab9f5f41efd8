/** An error an author can act on: what is wrong and how to fix it, both in Chinese. */
export class AuthoringError extends Error {
  /** How to fix it (改法). */
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = 'AuthoringError';
    this.hint = hint;
  }
}
