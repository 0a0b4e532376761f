/**
 * The attribution extractor's version. Stored with every suggestion; bump it whenever the rules,
 * the lexicons or the NLP model change what the extractor finds for the same text.
 */
export const EXTRACTOR_VERSION = 7;
