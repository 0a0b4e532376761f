/** The part of jsonld.js (which ships no types) the export tests use. */
declare module 'jsonld' {
  interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  const jsonld: {
    expand(input: unknown, options?: { safe?: boolean; documentLoader?: (url: string) => Promise<RemoteDocument> }): Promise<unknown[]>;
  };
  export default jsonld;
}
