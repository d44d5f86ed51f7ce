// The health module's certs channels: special-operation certificates (特种作业操作证). HEALTH_WRITERS write; anyone
// signed in reads.
import { byId, ch, defineContract } from '../../kernel/channel';
import { certInput, certReview, certsQuery, certUpdate } from './schemas';
import type { Certificate, CertPage } from './types';

export const certsContract = defineContract(['health'], {
  'health.certs': ch<CertPage>()(certsQuery),
  'health.certGet': ch<Certificate>()(byId),
  'health.certCreate': ch<Certificate>()(certInput),
  'health.certUpdate': ch<Certificate>()(certUpdate),
  'health.certReview': ch<Certificate>()(certReview),
  'health.certDelete': ch<{ deleted: true }>()(byId),
  'health.certRestore': ch<Certificate>()(byId),
});
