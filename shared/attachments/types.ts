// Attachments (photos) stored by content hash.

export interface AttachmentInfo {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  originalName: string | null;
}

