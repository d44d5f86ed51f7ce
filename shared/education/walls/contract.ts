// The education module's walls channels: culture walls (安康文化墙) per workshop and team, their updates with photos,
// the setting "current within N months" and the check that lists the units missing a wall or with a stale one.
// WALL_WRITERS (and administrators) write; anyone signed in reads; the setting is the administrators'.
import { z } from 'zod';
import { byId, ch, defineContract } from '../../kernel/channel';
import { wallEdit, wallInput, wallSettingsInput, wallsQuery, wallUpdateEdit, wallUpdateInput, wallUpdatesQuery } from './schemas';
import type { Wall, WallCheck, WallSettings, WallUpdate } from './types';

export const wallsContract = defineContract(['education'], {
  'education.walls': ch<Wall[]>()(wallsQuery),
  'education.wallCheck': ch<WallCheck>()(z.object({}).strict()),
  'education.wallCreate': ch<Wall>()(wallInput),
  'education.wallEdit': ch<Wall>()(wallEdit),
  'education.wallDelete': ch<{ deleted: true }>()(byId),
  'education.wallRestore': ch<Wall>()(byId),
  'education.wallUpdates': ch<WallUpdate[]>()(wallUpdatesQuery),
  'education.wallUpdateAdd': ch<WallUpdate>()(wallUpdateInput),
  'education.wallUpdateEdit': ch<WallUpdate>()(wallUpdateEdit),
  'education.wallUpdateDelete': ch<{ deleted: true }>()(byId),
  'education.wallUpdateRestore': ch<WallUpdate>()(byId),
  'education.wallSettings': ch<WallSettings>()(z.object({}).strict()),
  'education.wallSettingsSave': ch<WallSettings>()(wallSettingsInput, { admin: true }),
});
