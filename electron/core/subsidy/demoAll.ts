// Issue 10's demo stages in their order, for `cli demo` and the bench: the health records, the photos, the education
// records and walls (showing the photos), this year's dossier draft (choosing six of this year's for its annex).
import type { Core } from '../core';
import { generateDemoEducation, type DemoEducationResult } from '../education/demo';
import { generateDemoPhotos } from '../education/demoPhotos';
import { generateDemoHealth, type DemoHealthResult } from '../health/demo';
import type { CallOptions } from '../kernel/jobs';
import { generateDemoSubsidy, type DemoSubsidyResult } from './demo';

/** how many of the demo's photos the dossier chooses */
export const DEMO_DOSSIER_PHOTOS = 6;

export interface DemoSpecialGroupsResult {
  health: DemoHealthResult;
  photos: number;
  education: DemoEducationResult;
  subsidy: DemoSubsidyResult;
}

/** After the wage demo (the dossier reads the year's records of them all). */
export async function generateDemoSpecialGroups(core: Core, opts: CallOptions & { today?: string } = {}): Promise<DemoSpecialGroupsResult> {
  const health = generateDemoHealth(core.store, opts);
  const photos = await generateDemoPhotos(core.store, core.paths.attachments);
  const education = generateDemoEducation(core.store, { ...opts, photos: photos.map((p) => ({ kind: p.kind, id: p.photo.id })) });
  // the dossier chooses among the photos of this year's activities and wall updates
  const subsidy = generateDemoSubsidy(core.store, { ...opts, photoIds: photos.map((p) => p.photo.id), maxPhotos: DEMO_DOSSIER_PHOTOS });
  return { health, photos: photos.length, education, subsidy };
}
