// Photos and other files stored by content hash.
import { z } from 'zod';
import { ch, defineContract, fileData, fileInputBound } from '../kernel/channel';
import { idSchema } from '../kernel/schemas';
import type { FilePayload } from '../kernel/types';
import { MAX_PHOTO_BYTES } from './rules';
import type { AttachmentInfo } from './types';

export const attachmentsContract = defineContract(['attachments'], {
  'attachments.upload': ch<AttachmentInfo>()(fileData.strict(), { maxInput: fileInputBound(MAX_PHOTO_BYTES) }),
  'attachments.get': ch<FilePayload>()(z.object({ id: idSchema, size: z.enum(['thumb', 'full']).default('thumb') }).strict()),
});
