import { wallsContract } from '../../../../shared/education/walls/contract';
import { defineHandlers, signedIn } from '../../kernel/handlers';
import { wallCheck } from './check';
import * as walls from './service';
import * as updates from './updates';

export const wallsHandlers = defineHandlers(wallsContract, {
  'education.walls': (i, ctx) => walls.listWalls(ctx.store, i),
  'education.wallCheck': (_i, ctx) => wallCheck(ctx.store),
  'education.wallCreate': (i, ctx) => walls.createWall(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.wallEdit': (i, ctx) => walls.editWall(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.wallDelete': (i, ctx) => walls.deleteWall(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.wallRestore': (i, ctx) => walls.restoreWall(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.wallUpdates': (i, ctx) => updates.listWallUpdates(ctx.store, i),
  'education.wallUpdateAdd': (i, ctx) => updates.addWallUpdate(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.wallUpdateEdit': (i, ctx) => updates.editWallUpdate(ctx.store, signedIn(ctx), ctx.actor, i),
  'education.wallUpdateDelete': (i, ctx) => updates.deleteWallUpdate(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.wallUpdateRestore': (i, ctx) => updates.restoreWallUpdate(ctx.store, signedIn(ctx), ctx.actor, i.id),
  'education.wallSettings': (_i, ctx) => walls.getWallSettings(ctx.store),
  'education.wallSettingsSave': (i, ctx) => walls.saveWallSettings(ctx.store, ctx.actor, i),
});
