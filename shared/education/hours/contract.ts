// The education module's hours channels: the requirement table (by sector and role) and the enterprise's sector, the
// hours per worker and year against the requirement with the gaps by workshop and team, one worker's training, and
// the worker's training file (培训档案) as PDF. Anyone signed in reads; HOURS_EDITORS change the table and the sector.
import { ch, defineContract } from '../../kernel/channel';
import type { FileRef } from '../../files';
import { hoursQuery, requirementSave, sectorSave, trainingFileInput, workerTrainingQuery } from './schemas';
import type { HoursResult, RequirementsView, WorkerTraining } from './types';
import { z } from 'zod';

export const hoursContract = defineContract(['education'], {
  'education.requirements': ch<RequirementsView>()(z.object({})),
  'education.requirementSave': ch<RequirementsView>()(requirementSave),
  'education.sectorSave': ch<RequirementsView>()(sectorSave),
  'education.hours': ch<HoursResult>()(hoursQuery),
  'education.workerTraining': ch<WorkerTraining>()(workerTrainingQuery),
  'education.trainingFilePdf': ch<FileRef>()(trainingFileInput),
});
