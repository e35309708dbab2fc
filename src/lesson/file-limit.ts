/** The largest lesson file read, here so that code reading files need not load the YAML parser to know it. */
export const MAX_FILE_BYTES = 1024 * 1024;
