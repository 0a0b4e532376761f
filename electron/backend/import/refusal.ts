/** Why a file was not imported, in one line for the user. Thrown by the extractors. */
export class ImportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusal';
  }
}
