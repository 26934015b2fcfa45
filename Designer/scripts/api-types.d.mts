export const DOCUMENT: URL;
export const OUTPUT: URL;
export function generateSchemaTypes(): Promise<string>;
