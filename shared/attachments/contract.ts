// Photos and other files stored by content hash.
import { z } from 'zod';
import { ch, defineContract, fileData, fileInputBound } from '../kernel/channel';
import { idSchema } from '../kernel/schemas';
import type { FileRef } from '../files';
import type { FilePayload } from '../kernel/types';
import { MAX_DOCUMENT_BYTES, MAX_PHOTO_BYTES } from './rules';
import type { AttachmentInfo } from './types';

export const attachmentsContract = defineContract(['attachments'], {
  'attachments.upload': ch<AttachmentInfo>()(fileData.strict(), { maxInput: fileInputBound(MAX_PHOTO_BYTES) }),
  'attachments.get': ch<FilePayload>()(z.object({ id: idSchema, size: z.enum(['thumb', 'full']).default('thumb') }).strict()),
  /** a document (PDF, Word, Excel, PowerPoint, TXT, CSV) stored as it is: see shared/attachments/rules.ts DOCUMENT_TYPES */
  'attachments.uploadDocument': ch<AttachmentInfo>()(fileData.strict(), { maxInput: fileInputBound(MAX_DOCUMENT_BYTES) }),
  /** a stored photo or document as a file to save under its own name and type */
  'attachments.download': ch<FileRef>()(z.object({ id: idSchema }).strict()),
});
