/** Where the open post stands against the file on disk. */
export type SaveState = "saved" | "dirty" | "saving" | "failed";
