/** An error whose message is Danish and meant for the user; `code` follows the contract. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid-args' | 'not-found' | 'refused' | 'conflict' = 'refused',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A file that cannot be opened as a Puljeplan portfolio. */
export class PortfolioFileError extends UserError {
  constructor(message: string) {
    super(message, 'refused');
    this.name = 'PortfolioFileError';
  }
}
