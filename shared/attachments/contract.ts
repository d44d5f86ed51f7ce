// Photos and other files stored by content hash.
import { z } from 'zod';
import { ch, defineContract, fileData } from '../kernel/channel';
import { idSchema } from '../kernel/schemas';
import type { FilePayload } from '../kernel/types';
import type { AttachmentInfo } from './types';

export const attachmentsContract = defineContract(['attachments'], {
  'attachments.upload': ch<AttachmentInfo>()(fileData.strict()),
  'attachments.get': ch<FilePayload>()(z.object({ id: idSchema, size: z.enum(['thumb', 'full']).default('thumb') }).strict()),
});
