/** A file the core produced for the user; the host delivers it (download in the browser, save dialog in Electron). */
export interface FileRef {
  fileId: string;
  fileName: string;
  mime: string;
  bytes: number;
}
