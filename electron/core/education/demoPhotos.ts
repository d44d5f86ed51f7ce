// The demo's photos (issue 10): simple drawn scenes — a training room, a drill, a culture wall, a contest — stored
// through the attachments service like any uploaded photo (checked, re-encoded, with a thumbnail, audited), for the
// education demo's activities and wall updates and the dossier's annex. No text is drawn (no font is needed).
import sharp from 'sharp';
import type { AttachmentInfo } from '../../../shared/attachments/types';
import { EDU_WRITERS } from '../../../shared/education/kinds';
import { AppError } from '../../../shared/result';
import { holdsAnyRole } from '../../../shared/roster/roles';
import { uploadPhoto } from '../attachments/service';
import type { Actor } from '../audit';
import type { Store } from '../db/store';
import { findOperator } from '../operators/service';

const W = 800;
const H = 600;

/** one scene as SVG: a floor and a wall, and the scene's shapes */
function scene(kind: 'training' | 'drill' | 'wall' | 'contest', k: number): string {
  const hue = (k * 47) % 360;
  const people = (n: number, y: number, color: string) =>
    Array.from({ length: n }, (_, i) => {
      const x = 80 + i * ((W - 160) / Math.max(1, n - 1));
      return `<circle cx="${x}" cy="${y}" r="18" fill="#f1c27d"/><rect x="${x - 22}" y="${y + 20}" width="44" height="70" rx="10" fill="${color}"/><rect x="${x - 20}" y="${y - 26}" width="40" height="12" rx="6" fill="#f5d000"/>`;
    }).join('');
  const base = `<rect width="${W}" height="${H}" fill="hsl(${hue},25%,88%)"/><rect y="${H * 0.72}" width="${W}" height="${H * 0.28}" fill="hsl(${hue},15%,55%)"/>`;
  let body = '';
  if (kind === 'training') body = `<rect x="220" y="60" width="360" height="200" fill="#ffffff" stroke="#333" stroke-width="6"/><rect x="250" y="95" width="300" height="18" fill="#2e7d32"/><rect x="250" y="135" width="240" height="14" fill="#999"/><rect x="250" y="165" width="270" height="14" fill="#999"/>${people(7, 360, '#1565c0')}`;
  else if (kind === 'drill') body = `<ellipse cx="600" cy="300" rx="150" ry="90" fill="#bdbdbd" opacity="0.8"/><polygon points="560,420 600,300 640,420" fill="#ff7043"/><rect x="120" y="330" width="160" height="90" fill="#c62828"/>${people(4, 380, '#ef6c00')}`;
  else if (kind === 'wall') body = `<rect x="60" y="50" width="680" height="330" fill="#fff8e1" stroke="#8d6e63" stroke-width="10"/>${[0, 1, 2, 3, 4].map((i) => `<rect x="${85 + i * 132}" y="80" width="118" height="270" fill="hsl(${(hue + i * 60) % 360},60%,70%)"/>`).join('')}${people(2, 430, '#455a64')}`;
  else body = `<rect x="150" y="300" width="500" height="90" fill="#8d6e63"/><rect x="330" y="60" width="140" height="140" rx="70" fill="#ffca28"/>${people(5, 200, '#6a1b9a')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${base}${body}</svg>`;
}

export const DEMO_PHOTO_KINDS = ['training', 'drill', 'wall', 'contest', 'training', 'drill', 'wall', 'wall'] as const;

/** The demo's photos, uploaded by someone who records activities; returns them in DEMO_PHOTO_KINDS order. */
export async function generateDemoPhotos(store: Store, attachmentsDir: string): Promise<{ kind: (typeof DEMO_PHOTO_KINDS)[number]; photo: AttachmentInfo }[]> {
  const op = store
    .all<{ id: string }>(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.is_admin, w.emp_no`)
    .map((o) => findOperator(store, o.id)!)
    .find((o) => holdsAnyRole(o, EDU_WRITERS));
  if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
  const actor: Actor = { id: op.id, name: op.name };
  const out: { kind: (typeof DEMO_PHOTO_KINDS)[number]; photo: AttachmentInfo }[] = [];
  for (const [k, kind] of DEMO_PHOTO_KINDS.entries()) {
    const jpeg = await sharp(Buffer.from(scene(kind, k))).jpeg({ quality: 80 }).toBuffer();
    out.push({ kind, photo: await uploadPhoto(store, attachmentsDir, actor, `演示照片-${k + 1}.jpg`, jpeg) });
  }
  return out;
}
