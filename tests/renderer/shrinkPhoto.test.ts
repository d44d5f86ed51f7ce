// The photo picker's shrink step: the decision (shrinkPlan) is tested under Node (tests/db/photos.test.ts) and the
// drawing in Chromium (tests/e2e/photos.e2e.test.ts); here, the parts that need no canvas.
import { jpegName, shrinkForUpload } from '../../renderer/src/features/hazards/shrinkPhoto';

test('a shrunk photo is named .jpg', () => {
  expect(jpegName('IMG_0042.PNG')).toBe('IMG_0042.jpg');
  expect(jpegName('现场照片.jpeg')).toBe('现场照片.jpg');
  expect(jpegName('粘贴')).toBe('粘贴.jpg');
  expect(jpegName('.png')).toBe('photo.jpg');
});

test('without canvas support (jsdom) the file goes as it is, for the backend to judge', async () => {
  const f = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'a.jpg', { type: 'image/jpeg' });
  expect(await shrinkForUpload(f)).toBe(f);
});
