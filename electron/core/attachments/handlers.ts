import { attachmentsContract } from '../../../shared/attachments/contract';
import { decodeBase64 } from '../kernel/base64';
import { defineHandlers } from '../kernel/handlers';
import { downloadAttachment, readAttachment, uploadDocument, uploadPhoto } from './service';

export const attachmentsHandlers = defineHandlers(attachmentsContract, {
  'attachments.upload': (i, ctx) => uploadPhoto(ctx.store, ctx.env.paths.attachments, ctx.actor, i.fileName, decodeBase64(i.dataBase64)),
  'attachments.get': (i, ctx) => {
    const a = readAttachment(ctx.store, ctx.env.paths.attachments, i.id, i.size, ctx.operator);
    return { fileName: a.fileName, mime: a.mime, dataBase64: a.data.toString('base64') };
  },
  'attachments.uploadDocument': (i, ctx) => uploadDocument(ctx.store, ctx.env.paths.attachments, ctx.actor, i.fileName, decodeBase64(i.dataBase64)),
  'attachments.download': (i, ctx) => downloadAttachment(ctx.store, ctx.env.paths.attachments, ctx.env.files, i.id, ctx.operator),
});
